namespace GanAugment.Data.Imbalance;

/// <summary>Target number of images per class for a long-tailed (imbalanced) version of a data set.</summary>
public sealed record LongTailProfile
{
    private LongTailProfile(int[] counts) => Counts = counts;

    /// <summary>Images to keep per class, indexed by class.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>Explicit per-class counts; each must be at least 1.</summary>
    public static LongTailProfile PerClass(params int[] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        for (var c = 0; c < counts.Length; c++)
            if (counts[c] < 1)
                throw new DataFormatException($"empty class: the profile keeps {counts[c]} images of class {c}; every class needs at least 1");
        return new LongTailProfile((int[])counts.Clone());
    }

    /// <summary>
    /// The exponential profile of long-tailed CIFAR (Cui et al. 2019, https://arxiv.org/abs/1901.05555):
    /// class i (in <paramref name="order"/>, default 0, 1, ...) keeps
    /// round(head · ratio^(−i/(C−1))) images, so the first class keeps <paramref name="head"/> and the
    /// last head/ratio (at least 1).
    /// </summary>
    public static LongTailProfile Exponential(int classCount, int head, double ratio, IReadOnlyList<int>? order = null)
    {
        if (classCount < 1) throw new DataFormatException($"a long-tail profile needs at least one class, got {classCount}");
        if (head < 1) throw new DataFormatException($"empty class: the head class would keep {head} images");
        if (!(ratio >= 1) || double.IsInfinity(ratio)) throw new DataFormatException($"imbalance ratio must be a finite number ≥ 1, got {ratio}");
        order ??= [.. Enumerable.Range(0, classCount)];
        if (order.Count != classCount || order.Distinct().Count() != classCount || order.Any(c => c < 0 || c >= classCount))
            throw new DataFormatException($"the class order must list each of the {classCount} classes once");
        var counts = new int[classCount];
        for (var rank = 0; rank < classCount; rank++)
        {
            var exponent = classCount == 1 ? 0 : (double)rank / (classCount - 1);
            counts[order[rank]] = Math.Max(1, (int)Math.Round(head * Math.Pow(ratio, -exponent), MidpointRounding.AwayFromZero));
        }
        return new LongTailProfile(counts);
    }
}
