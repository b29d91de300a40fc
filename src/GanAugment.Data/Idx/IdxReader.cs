using System.Buffers.Binary;
using System.IO.Compression;

namespace GanAugment.Data.Idx;

/// <summary>
/// Reads unsigned-byte IDX files, raw or gzip-compressed (recognised by the 1f 8b magic, not by
/// the file name). The header is checked against the file length before anything is
/// allocated, and every problem is reported as one <see cref="DataFormatException"/> naming the
/// file and the byte offset (offsets in a gzip file count bytes of the decompressed data).
/// </summary>
public static class IdxReader
{
    /// <summary>Reads a 3-D IDX file (count × rows × columns) as images.</summary>
    public static IdxImages ReadImages(string path)
    {
        var array = Read(path, rank: 3);
        var dims = array.Dimensions;
        return new IdxImages(array.Data, dims[0], dims[1], dims[2]);
    }

    /// <summary>Reads a 1-D IDX file as labels, one byte each.</summary>
    public static byte[] ReadLabels(string path) => Read(path, rank: 1).Data;

    /// <summary>Reads an IDX file of any rank (or of rank <paramref name="rank"/> when given).</summary>
    public static IdxArray Read(string path, int? rank = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw DataFormatException.At(path, "file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DataFormatException.At(path, $"cannot open: {e.Message}");
        }
        using (file) return Read(file, path, rank);
    }

    /// <summary>
    /// Reads an IDX array from a seekable <paramref name="stream"/> positioned at its start;
    /// <paramref name="name"/> is used in error messages.
    /// </summary>
    public static IdxArray Read(Stream stream, string name, int? rank = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek) throw new ArgumentException("the IDX stream must be seekable", nameof(stream));
        var start = stream.Position;
        var length = stream.Length - start;
        Span<byte> head = stackalloc byte[2];
        var headLength = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        stream.Position = start;
        if (!IdxFormat.IsGzip(head[..headLength])) return ReadRaw(stream, name, length, rank);

        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        return ReadGzip(gzip, name, length, rank);
    }

    private static IdxArray ReadRaw(Stream stream, string name, long length, int? rank)
    {
        var (dims, payload) = ReadHeader(stream, name, rank);
        var headerSize = IdxFormat.HeaderSize(dims.Length);
        var available = length - headerSize;
        if (payload > available)
            throw DataFormatException.At(name,
                $"truncated: the header {Shape(dims)} promises {payload} data bytes but only {available} follow", offset: length);
        if (payload < available)
            throw DataFormatException.At(name,
                $"{available - payload} unexpected bytes after the {payload} data bytes of {Shape(dims)}", offset: headerSize + payload);
        var data = new byte[payload];
        stream.ReadExactly(data);
        return new IdxArray(dims, data);
    }

    private static IdxArray ReadGzip(Stream gzip, string name, long compressedLength, int? rank)
    {
        try
        {
            var (dims, payload) = ReadHeader(gzip, name, rank);
            var headerSize = IdxFormat.HeaderSize(dims.Length);
            if (payload > compressedLength * IdxFormat.MaxGzipExpansion)
                throw DataFormatException.At(name,
                    $"the header {Shape(dims)} promises {payload} data bytes, more than a gzip file of {compressedLength} bytes can hold",
                    offset: 4);
            var data = new byte[payload];
            var read = gzip.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
            if (read < payload)
                throw DataFormatException.At(name,
                    $"truncated: the decompressed data ends after {read} of the {payload} data bytes of {Shape(dims)}", offset: headerSize + read);
            Span<byte> extra = stackalloc byte[1];
            if (gzip.Read(extra) != 0)
                throw DataFormatException.At(name,
                    $"unexpected bytes in the decompressed data after the {payload} data bytes of {Shape(dims)}", offset: headerSize + payload);
            return new IdxArray(dims, data);
        }
        catch (InvalidDataException e)
        {
            throw DataFormatException.At(name, $"corrupt gzip data: {e.Message}");
        }
    }

    /// <summary>Reads and validates the magic, type, rank and sizes; returns the dimensions and the data size.</summary>
    private static (int[] Dims, long Payload) ReadHeader(Stream stream, string name, int? rank)
    {
        Span<byte> magic = stackalloc byte[4];
        var got = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        if (got < 4) throw DataFormatException.At(name, $"too short for an IDX header ({got} bytes)", offset: got);
        if (magic[0] != 0 || magic[1] != 0)
            throw DataFormatException.At(name, $"not an IDX file: magic starts with {magic[0]:x2} {magic[1]:x2}, expected 00 00", offset: 0);
        if (magic[2] != IdxFormat.UnsignedByte)
            throw DataFormatException.At(name,
                $"IDX data type 0x{magic[2]:x2} ({IdxFormat.TypeName(magic[2])}) is not supported; only unsigned byte (0x08) is", offset: 2);
        int fileRank = magic[3];
        if (rank is { } expected && fileRank != expected)
            throw DataFormatException.At(name, $"expected a {expected}-D IDX array, the header says {fileRank}-D", offset: 3);
        if (fileRank is < 1 or > IdxFormat.MaxRank)
            throw DataFormatException.At(name, $"IDX rank {fileRank} is out of range 1..{IdxFormat.MaxRank}", offset: 3);

        Span<byte> sizes = stackalloc byte[4 * fileRank];
        got = stream.ReadAtLeast(sizes, sizes.Length, throwOnEndOfStream: false);
        if (got < sizes.Length)
            throw DataFormatException.At(name, $"truncated IDX header: {fileRank} sizes need {sizes.Length} bytes, {got} follow", offset: 4 + got);
        var dims = new int[fileRank];
        long payload = 1;
        for (var d = 0; d < fileRank; d++)
        {
            var size = BinaryPrimitives.ReadUInt32BigEndian(sizes.Slice(4 * d, 4));
            if (size > int.MaxValue || (d > 0 && size == 0))
                throw DataFormatException.At(name, $"dimension {d} has invalid size {size}", offset: 4 + 4 * d);
            dims[d] = (int)size;
            payload *= size;
            if (payload > Array.MaxLength)
                throw DataFormatException.At(name, $"dimensions {Shape(dims.AsSpan(0, d + 1))} exceed the largest array .NET can hold", offset: 4 + 4 * d);
        }
        return (dims, payload);
    }

    private static string Shape(ReadOnlySpan<int> dims) => string.Join('x', dims.ToArray());
}
