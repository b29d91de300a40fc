using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace GanAugment.Evaluation.Reports;

/// <summary>
/// Minimal PNG writer (PNG spec, https://www.w3.org/TR/png/): 8-bit RGB (colour type 2), no
/// interlace, filter type 0 on every row, one zlib IDAT chunk. Charts are mostly flat colour,
/// which deflate compresses well without the prediction filters.
/// </summary>
internal static class PngEncoder
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes width·height·3 bytes of RGB, rows top to bottom, as a PNG file image.</summary>
    /// <exception cref="ArgumentException">The sizes are not positive or do not match the pixel count.</exception>
    public static byte[] Encode(ReadOnlySpan<byte> rgb, int width, int height)
    {
        if (width < 1 || height < 1 || rgb.Length != (long)width * height * 3)
        {
            throw new ArgumentException($"PngEncoder: {width}x{height} RGB needs {(long)width * height * 3} bytes, got {rgb.Length}.");
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: truecolour
        // compression, filter method and interlace stay 0

        var stride = width * 3;
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // filter type 0: the row as is
                zlib.Write(rgb.Slice(y * stride, stride));
            }
        }

        using var png = new MemoryStream();
        png.Write(Signature);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Encodes the canvas and writes it to <paramref name="path"/> through <c>path.tmp</c>.</summary>
    public static void Save(string path, Canvas canvas) =>
        AtomicFile.WriteAllBytes(path, Encode(canvas.Pixels, canvas.Width, canvas.Height));

    /// <summary>Length (big-endian), type, data, and the CRC-32 of type and data.</summary>
    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = new Crc32();
        crc.Append(typeBytes);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc.GetCurrentHashAsUInt32());
        output.Write(word);
    }
}
