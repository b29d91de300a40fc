namespace GanAugment.Data.Idx;

/// <summary>
/// Constants of the IDX format (LeCun et al., http://yann.lecun.com/exdb/mnist/): two zero
/// bytes, a data-type byte, a rank byte, then one big-endian 32-bit size per dimension, then
/// the data in row-major order. Only unsigned bytes (type 0x08) are read and written here.
/// </summary>
internal static class IdxFormat
{
    public const byte UnsignedByte = 0x08;

    /// <summary>Ranks above this are refused: no IDX producer we know of writes more.</summary>
    public const int MaxRank = 8;

    /// <summary>
    /// Upper bound on how many bytes a deflate stream can expand to per compressed byte
    /// (1032:1 is deflate's limit), used to refuse a gzip header that promises more data than
    /// the file can hold before allocating for it.
    /// </summary>
    public const long MaxGzipExpansion = 1032;

    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;

    public static int HeaderSize(int rank) => 4 + 4 * rank;

    public static string TypeName(byte type) => type switch
    {
        0x08 => "unsigned byte",
        0x09 => "signed byte",
        0x0B => "short",
        0x0C => "int",
        0x0D => "float",
        0x0E => "double",
        _ => "unknown",
    };
}
