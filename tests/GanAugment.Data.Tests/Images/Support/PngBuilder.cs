using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using GanAugment.Data.Images.Png;

namespace GanAugment.Data.Tests.Images;

/// <summary>
/// Writes PNG files of any colour type, bit depth, filter choice and interlacing from raw sample
/// values, following the PNG specification directly (its own packing and filtering code, so the
/// decoder is not checked against itself). Samples are row-major, pixel-major:
/// samples[(y·width + x)·samplesPerPixel + s].
/// </summary>
internal sealed class PngBuilder(int width, int height, int bitDepth, PngColorType colorType, int[] samples)
{
    public byte[]? Palette { get; init; }
    public bool Interlaced { get; init; }

    /// <summary>Filter type for the n-th scanline written (counting over all passes); default cycles 0..4.</summary>
    public Func<int, int> FilterOf { get; init; } = n => n % 5;

    /// <summary>How many IDAT chunks the compressed data is split across.</summary>
    public int IdatChunks { get; init; } = 1;

    /// <summary>Ancillary chunks to put between IHDR and the image data.</summary>
    public List<(string Type, byte[] Data)> ExtraChunks { get; init; } = [];

    public int SamplesPerPixel => colorType switch
    {
        PngColorType.Grey or PngColorType.Palette => 1,
        PngColorType.GreyAlpha => 2,
        PngColorType.Rgb => 3,
        _ => 4,
    };

    /// <summary>The filtered scanlines (filter byte + row) of all passes, before compression.</summary>
    public byte[] FilteredData()
    {
        var output = new MemoryStream();
        var n = 0;
        (int X0, int Y0, int DX, int DY)[] passes = Interlaced
            ? [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
            : [(0, 0, 1, 1)];
        foreach (var (x0, y0, dx, dy) in passes)
        {
            var xs = Enumerable.Range(0, width).Where(x => x >= x0 && (x - x0) % dx == 0).ToArray();
            var ys = Enumerable.Range(0, height).Where(y => y >= y0 && (y - y0) % dy == 0).ToArray();
            if (xs.Length == 0 || ys.Length == 0) continue;
            byte[]? previous = null;
            foreach (var y in ys)
            {
                var row = PackRow(y, xs);
                var filter = FilterOf(n++);
                output.WriteByte((byte)filter);
                output.Write(ApplyFilter(filter, row, previous ?? new byte[row.Length]));
                previous = row;
            }
        }
        return output.ToArray();
    }

    /// <summary>The complete PNG file.</summary>
    public byte[] Build() => Assemble(Compress(FilteredData()));

    /// <summary>A PNG file around already compressed image data.</summary>
    public byte[] Assemble(byte[] compressed)
    {
        var file = new MemoryStream();
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = (byte)bitDepth;
        ihdr[9] = (byte)colorType;
        ihdr[12] = (byte)(Interlaced ? 1 : 0);
        Chunk(file, "IHDR", ihdr);
        foreach (var (type, data) in ExtraChunks) Chunk(file, type, data);
        if (Palette is not null) Chunk(file, "PLTE", Palette);
        var part = (compressed.Length + IdatChunks - 1) / IdatChunks;
        for (var i = 0; i < IdatChunks; i++)
            Chunk(file, "IDAT", compressed.AsSpan(Math.Min(i * part, compressed.Length), Math.Clamp(compressed.Length - i * part, 0, part)));
        Chunk(file, "IEND", []);
        return file.ToArray();
    }

    public static byte[] Compress(byte[] data)
    {
        var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true)) z.Write(data);
        return output.ToArray();
    }

    public static void Chunk(Stream file, string type, ReadOnlySpan<byte> data)
    {
        var head = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(head, 4);
        file.Write(head);
        file.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, System.IO.Hashing.Crc32.HashToUInt32([.. head[4..], .. data]));
        file.Write(crc);
    }

    private byte[] PackRow(int y, int[] xs)
    {
        var spp = SamplesPerPixel;
        var row = new byte[(xs.Length * spp * bitDepth + 7) / 8];
        var bitPos = 0;
        foreach (var x in xs)
            for (var s = 0; s < spp; s++)
            {
                var v = samples[(y * width + x) * spp + s];
                if (bitDepth == 16)
                {
                    row[bitPos / 8] = (byte)(v >> 8);
                    row[bitPos / 8 + 1] = (byte)v;
                }
                else if (bitDepth == 8) row[bitPos / 8] = (byte)v;
                else row[bitPos / 8] |= (byte)(v << (8 - bitDepth - bitPos % 8));
                bitPos += bitDepth;
            }
        return row;
    }

    private byte[] ApplyFilter(int filter, byte[] row, byte[] previous)
    {
        var bpp = Math.Max(1, SamplesPerPixel * bitDepth / 8);
        var output = new byte[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            int a = i >= bpp ? row[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
            int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            var paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
            var predictor = filter switch { 0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2, 4 => paeth, _ => 0 };
            output[i] = (byte)(row[i] - predictor);
        }
        return output;
    }
}
