namespace GanAugment.Data.Tests.Tables;

/// <summary>
/// Seeded random corruptions of a valid file: 1-3 edits each, an edit being a byte flip, a
/// truncation or an insertion of bytes that matter to text formats (quotes, separators, line
/// breaks, braces, invalid UTF-8).
/// </summary>
internal static class Corruptions
{
    private static readonly byte[] Interesting = "\"',;{}%?@\n\r \t0-9.eE"u8.ToArray().Concat(new byte[] { 0x00, 0xC3, 0xFF, 0xEF, 0xBB, 0xBF }).ToArray();

    public static IEnumerable<byte[]> Of(byte[] valid, int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var bytes = valid.ToList();
            var edits = random.Next(1, 4);
            for (var e = 0; e < edits && bytes.Count > 0; e++)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(4))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes[at] = Interesting[random.Next(Interesting.Length)]; break;
                    case 2: bytes.RemoveRange(at, bytes.Count - at); break;
                    default:
                        var n = random.Next(1, 4);
                        for (var k = 0; k < n; k++) bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                        break;
                }
            }
            yield return [.. bytes];
        }
    }

    /// <summary>
    /// Runs <paramref name="read"/> on each corruption of <paramref name="valid"/> written to
    /// <paramref name="path"/>; only success or a one-line <see cref="DataFormatException"/>
    /// naming the file may come out. Returns how many corruptions were rejected.
    /// </summary>
    public static int AssertOnlyDataFormatErrors(byte[] valid, string path, int count, int seed, Action<string> read)
    {
        var rejected = 0;
        var index = 0;
        foreach (var bytes in Of(valid, count, seed))
        {
            File.WriteAllBytes(path, bytes);
            try
            {
                read(path);
            }
            catch (DataFormatException e)
            {
                rejected++;
                Assert.StartsWith(path, e.Message);
                Assert.DoesNotContain('\n', e.Message);
                Assert.DoesNotContain('\r', e.Message);
            }
            catch (Exception e)
            {
                Assert.Fail($"corruption {index} (seed {seed}) threw {e.GetType().Name}: {e.Message}");
            }
            index++;
        }
        return rejected;
    }
}
