using System.Buffers.Binary;
using System.IO.Hashing;

namespace GanAugment.Data.Writers.TensorBoard;

/// <summary>
/// TFRecord framing, the container of TensorBoard event files: each record is
/// <c>uint64 length</c>, <c>uint32 masked_crc32c(length bytes)</c>, <c>data</c>,
/// <c>uint32 masked_crc32c(data)</c>, all little-endian. The CRC is CRC-32C (Castagnoli, from
/// System.IO.Hashing), masked as <c>((crc &gt;&gt; 15) | (crc &lt;&lt; 17)) + 0xa282ead8</c> so that
/// a CRC over bytes that embed CRCs stays well spread (the LevelDB convention TensorFlow took).
/// </summary>
public static class TfRecord
{
    /// <summary>Bytes before a record's data: length and its CRC.</summary>
    public const int HeaderSize = 12;

    /// <summary>Bytes after a record's data: its CRC.</summary>
    public const int FooterSize = 4;

    private const uint MaskDelta = 0xa282ead8;

    /// <summary>CRC-32C of <paramref name="data"/> (check value of "123456789": 0xE3069283).</summary>
    public static uint Crc32C(ReadOnlySpan<byte> data) => Crc32.HashToUInt32(Crc32ParameterSet.Crc32C, data);

    /// <summary>The masked CRC-32C that TFRecord stores for <paramref name="data"/>.</summary>
    public static uint MaskedCrc(ReadOnlySpan<byte> data)
    {
        var crc = Crc32C(data);
        return unchecked(((crc >> 15) | (crc << 17)) + MaskDelta);
    }

    /// <summary>Appends one record holding <paramref name="data"/> to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], MaskedCrc(header[..8]));
        Span<byte> footer = stackalloc byte[FooterSize];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, MaskedCrc(data));
        stream.Write(header);
        stream.Write(data);
        stream.Write(footer);
    }

    /// <summary>
    /// Reads every record of <paramref name="bytes"/> (the contents of <paramref name="name"/>),
    /// checking both CRCs of each. A last record cut short (a writer killed mid-record) ends the
    /// list and sets <see cref="TfRecordScan.Complete"/> to false; <see cref="TfRecordScan.ValidLength"/>
    /// is then where the cut record starts.
    /// </summary>
    /// <exception cref="DataFormatException">A length or data CRC that does not match, naming the file and the byte offset.</exception>
    public static TfRecordScan Read(ReadOnlySpan<byte> bytes, string name)
    {
        var records = new List<byte[]>();
        var pos = 0L;
        while (pos < bytes.Length)
        {
            var left = bytes.Length - pos;
            if (left < HeaderSize) return new TfRecordScan(records, pos, Complete: false);
            var header = bytes.Slice((int)pos, HeaderSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[8..]) != MaskedCrc(header[..8]))
                throw DataFormatException.At(name, "bad length CRC in a TFRecord header", offset: pos);
            var length = BinaryPrimitives.ReadUInt64LittleEndian(header);
            if (left < HeaderSize + FooterSize || length > (ulong)(left - HeaderSize - FooterSize)) return new TfRecordScan(records, pos, Complete: false);
            var data = bytes.Slice((int)pos + HeaderSize, (int)length);
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes[((int)pos + HeaderSize + (int)length)..]) != MaskedCrc(data))
                throw DataFormatException.At(name, "bad data CRC in a TFRecord", offset: pos);
            records.Add(data.ToArray());
            pos += HeaderSize + (long)length + FooterSize;
        }
        return new TfRecordScan(records, pos, Complete: true);
    }
}

/// <summary>The records of a TFRecord file, the bytes they span, and whether the file ends on a record boundary.</summary>
public sealed record TfRecordScan(IReadOnlyList<byte[]> Records, long ValidLength, bool Complete);
