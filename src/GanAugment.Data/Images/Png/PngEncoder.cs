using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace GanAugment.Data.Images.Png;

/// <summary>
/// Encodes 8-bit grey (colour type 0) and RGB (colour type 2) PNG files, not interlaced, with one
/// zlib IDAT chunk deflated at the optimal level. With <see cref="PngRowFilters.Adaptive"/> each row
/// gets the filter with the smallest sum of absolute signed residuals (the heuristic the PNG
/// specification suggests in section 12.8); <see cref="PngRowFilters.None"/> stores every row as
/// is (filter type 0), which suits flat-colour charts.
/// </summary>
public static class PngEncoder
{
    /// <summary>The complete PNG file for <paramref name="image"/>.</summary>
    public static byte[] Encode(RawImage image, PngRowFilters filters = PngRowFilters.Adaptive)
    {
        ArgumentNullException.ThrowIfNull(image);
        var header = new PngHeader(image.Width, image.Height, 8, image.Channels == 1 ? PngColorType.Grey : PngColorType.Rgb, Interlaced: false);
        var idat = filters == PngRowFilters.None
            ? DeflateUnfiltered(image.Pixels, (int)header.RowBytes(header.Width))
            : Deflate(FilterRows(image.Pixels, header));
        using var file = new MemoryStream();
        file.Write(PngChunks.Signature);
        WriteChunk(file, "IHDR", HeaderBytes(header));
        WriteChunk(file, "IDAT", idat);
        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    /// <summary>The 13 IHDR bytes of <paramref name="header"/> (compression 0, filter 0).</summary>
    public static byte[] HeaderBytes(PngHeader header)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, header.Width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), header.Height);
        ihdr[8] = (byte)header.BitDepth;
        ihdr[9] = (byte)header.ColorType;
        ihdr[12] = header.Interlaced ? (byte)1 : (byte)0;
        return ihdr;
    }

    /// <summary>Appends one chunk: length, type, data, CRC-32 of type and data.</summary>
    public static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
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

    /// <summary>zlib-wraps and deflates <paramref name="data"/>.</summary>
    public static byte[] Deflate(ReadOnlySpan<byte> data)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(data);
        return compressed.ToArray();
    }

    /// <summary>Streams every row into zlib behind a filter-type-0 byte, with no filtered copy of the image.</summary>
    private static byte[] DeflateUnfiltered(byte[] pixels, int rowBytes)
    {
        // NOTE: zlib's output depends on how the input is split across writes; writing the type
        // byte and then the row, as the chart encoder this replaced did, keeps saved charts' bytes.
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            for (var at = 0; at < pixels.Length; at += rowBytes)
            {
                zlib.WriteByte(0);
                zlib.Write(pixels.AsSpan(at, rowBytes));
            }
        return compressed.ToArray();
    }

    private static byte[] FilterRows(byte[] pixels, PngHeader header)
    {
        var rowBytes = (int)header.RowBytes(header.Width);
        var stride = header.FilterStride;
        var output = new byte[header.FilteredSize()];
        var candidate = new byte[rowBytes];
        var previous = new byte[rowBytes];
        for (var y = 0; y < header.Height; y++)
        {
            var row = pixels.AsSpan(y * rowBytes, rowBytes);
            var target = output.AsSpan(y * (rowBytes + 1), rowBytes + 1);
            var best = long.MaxValue;
            for (var type = 0; type < PngFilter.Count; type++)
            {
                PngFilter.Filter(type, previous, row, stride, candidate);
                var cost = 0L;
                foreach (var b in candidate) cost += Math.Abs((int)(sbyte)b);
                if (cost >= best) continue;
                best = cost;
                target[0] = (byte)type;
                candidate.CopyTo(target[1..]);
            }
            row.CopyTo(previous);
        }
        return output;
    }
}
