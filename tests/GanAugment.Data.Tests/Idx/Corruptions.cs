using GanAugment.Tensors;
using GanAugment.Data.Loading;

namespace GanAugment.Data.Tests.Idx;

/// <summary>Seeded corruptions of a valid file: byte flips, truncations, insertions and deletions.</summary>
public static class Corruptions
{
    public static IEnumerable<(string Kind, byte[] Bytes)> Of(byte[] valid, int count, long seed)
    {
        var rng = new Rng((ulong)seed);
        for (var i = 0; i < count; i++)
        {
            var bytes = valid.ToList();
            var kind = (i % 4) switch { 0 => "flip", 1 => "truncate", 2 => "insert", _ => "delete" };
            switch (kind)
            {
                case "flip":
                    var flips = 1 + rng.NextInt(3);
                    for (var f = 0; f < flips; f++)
                    {
                        // Bias half the flips into the first 32 bytes, where headers live.
                        var at = rng.NextInt(2) == 0 ? rng.NextInt(Math.Min(32, bytes.Count)) : rng.NextInt(bytes.Count);
                        bytes[at] ^= (byte)(1 + rng.NextInt(255));
                    }
                    break;
                case "truncate":
                    bytes = bytes.Take(rng.NextInt(bytes.Count)).ToList();
                    break;
                case "insert":
                    var insertAt = rng.NextInt(bytes.Count + 1);
                    var n = 1 + rng.NextInt(8);
                    for (var k = 0; k < n; k++) bytes.Insert(insertAt, (byte)rng.NextInt(256));
                    break;
                default:
                    var deleteAt = rng.NextInt(bytes.Count);
                    bytes.RemoveRange(deleteAt, Math.Min(1 + rng.NextInt(8), bytes.Count - deleteAt));
                    break;
            }
            yield return (kind, bytes.ToArray());
        }
    }
}
