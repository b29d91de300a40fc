using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace GanAugment.Evaluation.Tests.Reports;

/// <summary>
/// An independent reader for the PNGs the encoder writes: checks the signature and every chunk
/// CRC (bitwise CRC-32, not the encoder's table), reads IHDR, inflates the IDAT data and undoes
/// filter type 0 (the only one the encoder uses; others fail the test).
/// </summary>
internal static class PngTestDecoder
{
    public sealed record Chunk(string Type, byte[] Data, uint StoredCrc);

    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static uint BitwiseCrc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    public static List<Chunk> Chunks(byte[] png)
    {
        Assert.Equal(Signature, png.AsSpan(0, 8).ToArray());
        var chunks = new List<Chunk>();
        var at = 8;
        while (at < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length).ToArray();
            var stored = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.Equal(BitwiseCrc(png.AsSpan(at + 4, 4 + length)), stored);
            chunks.Add(new Chunk(type, data, stored));
            at += 12 + length;
        }

        Assert.Equal(png.Length, at);
        return chunks;
    }

    /// <summary>(width, height, RGB bytes) of an 8-bit truecolour PNG.</summary>
    public static (int Width, int Height, byte[] Rgb) Decode(byte[] png)
    {
        var chunks = Chunks(png);
        Assert.Equal("IHDR", chunks[0].Type);
        Assert.Equal("IEND", chunks[^1].Type);
        var header = chunks[0].Data;
        var width = BinaryPrimitives.ReadInt32BigEndian(header);
        var height = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        Assert.Equal([8, 2, 0, 0, 0], header.AsSpan(8).ToArray());

        using var compressed = new MemoryStream(chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray());
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = width * 3;
        Assert.Equal(height * (stride + 1), bytes.Length);
        var rgb = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, bytes[y * (stride + 1)]);
            bytes.AsSpan(y * (stride + 1) + 1, stride).CopyTo(rgb.AsSpan(y * stride));
        }

        return (width, height, rgb);
    }
}
