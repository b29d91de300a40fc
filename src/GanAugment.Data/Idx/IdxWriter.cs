using System.Buffers.Binary;
using System.IO.Compression;
using GanAugment.Data.Writers;

namespace GanAugment.Data.Idx;

/// <summary>
/// Writes unsigned-byte IDX files, raw or gzip-compressed. The file is written to
/// <c>&lt;path&gt;.tmp</c> and renamed over <paramref name="path"/> only when complete, so a
/// failed write never leaves a half file behind.
/// </summary>
public static class IdxWriter
{
    /// <summary>Writes <paramref name="count"/> images of <paramref name="height"/> × <paramref name="width"/> bytes as a 3-D IDX file.</summary>
    public static void WriteImages(string path, ReadOnlySpan<byte> pixels, int count, int height, int width, bool gzip = false) =>
        Write(path, [count, height, width], pixels, gzip);

    /// <summary>Writes labels (one byte each) as a 1-D IDX file.</summary>
    public static void WriteLabels(string path, ReadOnlySpan<byte> labels, bool gzip = false) =>
        Write(path, [labels.Length], labels, gzip);

    /// <summary>Writes an IDX array of any rank 1..8; <paramref name="data"/> must hold the product of the dimensions.</summary>
    public static void Write(string path, ReadOnlySpan<int> dimensions, ReadOnlySpan<byte> data, bool gzip = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (dimensions.Length is < 1 or > IdxFormat.MaxRank)
            throw new ArgumentException($"IDX rank must be 1..{IdxFormat.MaxRank}, got {dimensions.Length}", nameof(dimensions));
        long product = 1;
        foreach (var d in dimensions)
        {
            if (d < 0) throw new ArgumentException($"IDX dimensions must be non-negative, got {d}", nameof(dimensions));
            product *= d;
        }
        if (product != data.Length)
            throw new ArgumentException($"{data.Length} data bytes do not match dimensions {string.Join('x', dimensions.ToArray())}", nameof(data));

        var header = new byte[IdxFormat.HeaderSize(dimensions.Length)];
        header[2] = IdxFormat.UnsignedByte;
        header[3] = (byte)dimensions.Length;
        for (var i = 0; i < dimensions.Length; i++)
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * i, 4), dimensions[i]);

        var bytes = data.ToArray();
        AtomicFile.Write(path, file =>
        {
            if (!gzip)
            {
                Put(file);
                return;
            }
            using var zip = new GZipStream(file, CompressionLevel.SmallestSize, leaveOpen: true);
            Put(zip);
        });

        void Put(Stream output)
        {
            output.Write(header);
            output.Write(bytes);
        }
    }
}
