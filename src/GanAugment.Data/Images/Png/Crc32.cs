namespace GanAugment.Data.Images.Png;

/// <summary>
/// CRC-32 as PNG, zlib and gzip use it (ISO 3309, reflected polynomial 0xEDB88320, initial value
/// and final xor 0xFFFFFFFF), table driven one byte at a time. Crc32.Compute("123456789") = 0xCBF43926.
/// </summary>
public static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Update(Start, data));

    /// <summary>The register value before any byte is fed.</summary>
    public const uint Start = 0xFFFFFFFFu;

    /// <summary>Feeds <paramref name="data"/> into a running register (start from <see cref="Start"/>).</summary>
    public static uint Update(uint register, ReadOnlySpan<byte> data)
    {
        var table = Table;
        foreach (var b in data)
            register = table[(register ^ b) & 0xFF] ^ (register >> 8);
        return register;
    }

    /// <summary>Turns a running register into the CRC value.</summary>
    public static uint Finish(uint register) => register ^ 0xFFFFFFFFu;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
