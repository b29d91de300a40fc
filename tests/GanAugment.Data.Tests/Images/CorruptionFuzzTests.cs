using System.Buffers.Binary;
using System.Text;
using GanAugment.Data.Images;
using GanAugment.Data.Images.Png;

namespace GanAugment.Data.Tests.Images;

/// <summary>
/// Seeded random corruptions (bit flips, byte changes, truncations, insertions, deletions,
/// extreme 32-bit words, half of them in the first 64 bytes) of valid files: the readers may
/// accept a file or throw a DataFormatException naming it, nothing else.
/// </summary>
public class CorruptionFuzzTests
{
    private const int Count = 1000;

    private static byte[] RgbPng() =>
        new PngBuilder(12, 9, 8, PngColorType.Rgb, PngDecoderTests.Pattern(12, 9, 3, 8)) { Interlaced = true }.Build();

    private static PngBuilder PalettePngBuilder() =>
        new(11, 7, 2, PngColorType.Palette, PngDecoderTests.Pattern(11, 7, 1, 2)) { Palette = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] };

    private static void Read(byte[] bytes, string name) => ImageFile.Decode(bytes, name);

    [Fact]
    public void Png_raw_corruptions()
    {
        var rejected = CorruptionFuzz.Run(RgbPng(), Read, "fuzz.png", Count, seed: 1)
            + CorruptionFuzz.Run(PalettePngBuilder().Build(), Read, "fuzz.png", Count, seed: 2);
        Assert.True(rejected > Count, $"only {rejected} of {2 * Count} corruptions were rejected");
    }

    /// <summary>Recomputes every chunk's CRC so that corruptions get past the CRC check into IHDR, PLTE and zlib handling.</summary>
    private static byte[] RepairCrcs(byte[] bytes)
    {
        var pos = 8;
        while (pos + 12 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(pos));
            if (length > bytes.Length - pos - 12) break;
            var crc = System.IO.Hashing.Crc32.HashToUInt32(bytes.AsSpan(pos + 4, 4 + (int)length));
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(pos + 8 + (int)length), crc);
            pos += 12 + (int)length;
        }
        return bytes;
    }

    [Fact]
    public void Png_corruptions_with_repaired_crcs()
    {
        CorruptionFuzz.Run(RgbPng(), Read, "fuzz.png", Count, seed: 3, RepairCrcs);
        CorruptionFuzz.Run(PalettePngBuilder().Build(), Read, "fuzz.png", Count, seed: 4, RepairCrcs);
    }

    [Fact]
    public void Png_corruptions_of_the_filtered_data_inside_valid_zlib_and_chunks()
    {
        foreach (var builder in new[] { PalettePngBuilder(), new PngBuilder(12, 9, 16, PngColorType.Rgba, PngDecoderTests.Pattern(12, 9, 4, 16)) { Interlaced = true } })
        {
            var filtered = builder.FilteredData();
            CorruptionFuzz.Run(filtered, (bytes, name) => ImageFile.Decode(builder.Assemble(PngBuilder.Compress(bytes)), name), "fuzz.png", Count, seed: 5);
        }
    }

    [Fact]
    public void Netpbm_corruptions()
    {
        var raw = new MemoryStream();
        raw.Write("P6\n# sixteen-bit samples\n6 5\n1000\n"u8);
        for (var i = 0; i < 6 * 5 * 3; i++) raw.Write([(byte)(i * 7 % 1001 >> 8), (byte)(i * 7 % 1001)]);
        CorruptionFuzz.Run(raw.ToArray(), Read, "fuzz.ppm", Count, seed: 6);

        var plain = new StringBuilder("P2\n# plain\n7 4\n255\n");
        for (var i = 0; i < 28; i++) plain.Append(i * 9).Append(i % 7 == 6 ? '\n' : ' ');
        CorruptionFuzz.Run(Encoding.ASCII.GetBytes(plain.ToString()), Read, "fuzz.pgm", Count, seed: 7);

        CorruptionFuzz.Run([.. "P5 4 3 255\n"u8, .. Enumerable.Range(0, 12).Select(i => (byte)(i * 20))], Read, "fuzz.pgm", Count, seed: 8);
    }

    [Fact]
    public void Bmp_corruptions()
    {
        var palette = Enumerable.Range(0, 16).SelectMany(i => new byte[] { (byte)(i * 16), (byte)i, 7, 0 }).ToArray();
        var indices = Enumerable.Range(0, 9 * 4).Select(i => (byte)(i % 16)).ToArray();
        CorruptionFuzz.Run(new BmpBuilder(9, 4, 8, indices) { PaletteBgrx = palette }.Build(), Read, "fuzz.bmp", Count, seed: 9);
        CorruptionFuzz.Run(new BmpBuilder(9, 4, 4, indices) { PaletteBgrx = palette, TopDown = true }.Build(), Read, "fuzz.bmp", Count, seed: 10);
        var pixels = Enumerable.Range(0, 7 * 3 * 4).Select(i => (byte)(i * 13)).ToArray();
        CorruptionFuzz.Run(new BmpBuilder(7, 3, 32, pixels) { HeaderSize = 124, BitfieldMasks = [0xFF0000, 0xFF00, 0xFF] }.Build(), Read, "fuzz.bmp", Count, seed: 11);
        CorruptionFuzz.Run(new BmpBuilder(7, 3, 24, pixels[..63]).Build(), Read, "fuzz.bmp", Count, seed: 12);
    }

    [Fact]
    public void Cifar_batch_corruptions()
    {
        var batch = new byte[3 * Cifar10Reader.RecordBytes];
        new Random(13).NextBytes(batch);
        for (var r = 0; r < 3; r++) batch[r * Cifar10Reader.RecordBytes] = (byte)(r * 4);
        var rejected = CorruptionFuzz.Run(batch, (bytes, name) => Cifar10Reader.DecodeBatch(bytes, name, 10, new ImageDatasetBuilder(3, 32, 32)), "data_batch_1.bin", Count, seed: 14);
        Assert.True(rejected > 0);
    }
}
