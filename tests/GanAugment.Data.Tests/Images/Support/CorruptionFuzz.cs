namespace GanAugment.Data.Tests.Images;

/// <summary>
/// Feeds seeded random corruptions of a valid file to a reader and checks that the only thing
/// that can come out is a <see cref="DataFormatException"/> naming the file.
/// </summary>
internal static class CorruptionFuzz
{
    public enum Kind { BitFlips, ByteSet, Truncate, Insert, Delete, ExtremeWord }

    /// <summary>One corruption of <paramref name="valid"/>; header bytes (the first 64) are hit half the time.</summary>
    public static (Kind Kind, byte[] Bytes) Mutate(byte[] valid, Random rng)
    {
        var kind = (Kind)rng.Next(6);
        int Position(int limit) => rng.Next(2) == 0 ? rng.Next(Math.Min(64, limit)) : rng.Next(limit);
        var bytes = (byte[])valid.Clone();
        switch (kind)
        {
            case Kind.BitFlips:
                for (var k = rng.Next(1, 4); k > 0; k--) bytes[Position(bytes.Length)] ^= (byte)(1 << rng.Next(8));
                break;
            case Kind.ByteSet:
                bytes[Position(bytes.Length)] = (byte)rng.Next(256);
                break;
            case Kind.Truncate:
                bytes = bytes[..rng.Next(bytes.Length)];
                break;
            case Kind.Insert:
            {
                var at = Position(bytes.Length + 1);
                var extra = new byte[rng.Next(1, 17)];
                rng.NextBytes(extra);
                bytes = [.. bytes[..at], .. extra, .. bytes[at..]];
                break;
            }
            case Kind.Delete:
            {
                var at = Position(bytes.Length);
                var n = Math.Min(bytes.Length - at, rng.Next(1, 17));
                bytes = [.. bytes[..at], .. bytes[(at + n)..]];
                break;
            }
            default:
            {
                uint[] extremes = [0, 0xFFFFFFFF, 0x7FFFFFFF, 0x80000000, 0x0000FFFF, 0x00010000];
                var at = Position(Math.Max(1, bytes.Length - 3));
                var word = BitConverter.GetBytes(extremes[rng.Next(extremes.Length)]);
                for (var k = 0; k < 4 && at + k < bytes.Length; k++) bytes[at + k] = word[k];
                break;
            }
        }
        return (kind, bytes);
    }

    /// <summary>
    /// Decodes each corruption in memory with <paramref name="decode"/> (given the bytes and a
    /// file name) and fails on any exception other than a DataFormatException whose message
    /// names the file. <paramref name="repair"/> may fix checksums after corrupting. Returns the
    /// number of corruptions rejected.
    /// </summary>
    // NOTE: in memory rather than through temp files: the readers' file paths only add
    // File.ReadAllBytes, which other tests cover, and disk writes made this ten times slower.
    public static int Run(byte[] valid, Action<byte[], string> decode, string name, int count, int seed, Func<byte[], byte[]>? repair = null)
    {
        var rng = new Random(seed);
        var rejected = 0;
        for (var i = 0; i < count; i++)
        {
            var (kind, bytes) = Mutate(valid, rng);
            if (repair is not null) bytes = repair(bytes);
            try
            {
                decode(bytes, name);
            }
            catch (DataFormatException e)
            {
                Assert.True(e.Message.StartsWith(name, StringComparison.Ordinal), $"mutation {i} ({kind}): message does not name the file: {e.Message}");
                rejected++;
            }
            catch (Exception e)
            {
                Assert.Fail($"mutation {i} ({kind}, seed {seed}) threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
        }
        return rejected;
    }
}
