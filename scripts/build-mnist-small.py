#!/usr/bin/env python3
"""Rebuild data/mnist-small from the full MNIST IDX files (raw or .gz).

Draws 1,000 training and 200 test images per class with SplitMix64 (the generator that
GanAugment.Data uses) from a fixed seed, keeps them in their original order and writes them as
gzip-compressed IDX files with a zero timestamp, so the output is byte-for-byte repeatable.
Standard library only.
"""
import argparse
import gzip
import os
import struct
import sys

SEED = 20150101
TRAIN_PER_CLASS = 1000
TEST_PER_CLASS = 200
MASK = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + GAMMA) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_int(self, n):
        threshold = ((1 << 64) - n) % n
        while True:
            product = self.next() * n
            if (product & MASK) >= threshold:
                return product >> 64

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.next_int(i + 1)
            items[i], items[j] = items[j], items[i]


def read_idx(folder, name):
    for candidate in (name, name + ".gz"):
        path = os.path.join(folder, candidate)
        if os.path.exists(path):
            with open(path, "rb") as f:
                raw = f.read()
            if raw[:2] == b"\x1f\x8b":
                raw = gzip.decompress(raw)
            if raw[:3] != b"\x00\x00\x08":
                sys.exit(f"{path}: not an unsigned-byte IDX file")
            rank = raw[3]
            dims = struct.unpack(">" + "I" * rank, raw[4:4 + 4 * rank])
            return dims, raw[4 + 4 * rank:]
    sys.exit(f"{os.path.join(folder, name)}[.gz]: not found")


def write_idx(path, dims, data):
    header = struct.pack(">BBBB", 0, 0, 8, len(dims)) + struct.pack(">" + "I" * len(dims), *dims)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0) as gz:
            gz.write(header + data)
    os.replace(tmp, path)


def subset(source, out, prefix, per_class, seed):
    image_dims, pixels = read_idx(source, f"{prefix}-images-idx3-ubyte")
    label_dims, labels = read_idx(source, f"{prefix}-labels-idx1-ubyte")
    count, height, width = image_dims
    if label_dims[0] != count:
        sys.exit(f"{prefix}: {label_dims[0]} labels for {count} images")
    rng = SplitMix64(seed)
    chosen = []
    for c in range(10):
        members = [i for i, y in enumerate(labels) if y == c]
        rng.shuffle(members)
        chosen.extend(members[:per_class])
    chosen.sort()
    size = height * width
    picked = b"".join(pixels[i * size:(i + 1) * size] for i in chosen)
    write_idx(os.path.join(out, f"{prefix}-images-idx3-ubyte.gz"), (len(chosen), height, width), picked)
    write_idx(os.path.join(out, f"{prefix}-labels-idx1-ubyte.gz"), (len(chosen),), bytes(labels[i] for i in chosen))
    print(f"{prefix}: {len(chosen)} images of {height}x{width} from {count}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="folder with the full MNIST IDX files (raw or .gz)")
    parser.add_argument("out", help="output folder, e.g. data/mnist-small")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    subset(args.source, args.out, "train", TRAIN_PER_CLASS, SEED)
    subset(args.source, args.out, "t10k", TEST_PER_CLASS, SEED + 1)


if __name__ == "__main__":
    main()
