using GanAugment.Tensors;
using GanAugment.Data.Images;
using GanAugment.Data.Loading;

namespace GanAugment.Data.Imbalance;

/// <summary>
/// Makes a data set imbalanced by keeping a seeded random part of some classes. The kept images
/// stay in their original order; the same seed gives the same subset.
/// </summary>
public static class ImbalancedSubset
{
    /// <summary>
    /// Keeps round(<paramref name="fraction"/> · n) of the n images (at least 1) of each class in
    /// <paramref name="targetClasses"/> and every image of the other classes. A fraction of 0
    /// would empty a class and is refused.
    /// </summary>
    public static ImageDataset KeepFraction(ImageDataset data, IReadOnlyCollection<int> targetClasses, double fraction, long seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(targetClasses);
        if (fraction == 0)
            throw new DataFormatException($"empty class: keeping a fraction of 0 would remove classes {string.Join(", ", targetClasses)} entirely");
        if (!(fraction > 0 && fraction <= 1))
            throw new DataFormatException($"the fraction to keep must be in (0, 1], got {fraction}");
        var counts = data.ClassCounts();
        foreach (var c in targetClasses)
        {
            if (c < 0 || c >= data.ClassCount)
                throw new DataFormatException($"class {c} does not exist; the data set has classes 0..{data.ClassCount - 1}");
            counts[c] = Math.Max(1, (int)Math.Round(fraction * counts[c], MidpointRounding.AwayFromZero));
        }
        return Keep(data, counts, seed);
    }

    /// <summary>Keeps <c>profile.Counts[c]</c> seeded random images of each class c.</summary>
    public static ImageDataset ApplyProfile(ImageDataset data, LongTailProfile profile, long seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Counts.Count != data.ClassCount)
            throw new DataFormatException($"the profile lists {profile.Counts.Count} classes, the data set has {data.ClassCount}");
        var available = data.ClassCounts();
        for (var c = 0; c < available.Length; c++)
            if (profile.Counts[c] > available[c])
                throw new DataFormatException($"class {c} ({data.ClassNames[c]}) has {available[c]} images, the profile asks for {profile.Counts[c]}");
        return Keep(data, [.. profile.Counts], seed);
    }

    /// <summary>Keeps keep[c] images of class c, chosen by a seeded shuffle per class, in the original order.</summary>
    private static ImageDataset Keep(ImageDataset data, int[] keep, long seed)
    {
        var byClass = new List<int>[data.ClassCount];
        for (var c = 0; c < byClass.Length; c++) byClass[c] = [];
        for (var i = 0; i < data.Count; i++) byClass[data.Labels[i]].Add(i);
        var kept = new List<int>();
        for (var c = 0; c < byClass.Length; c++)
        {
            var members = byClass[c].ToArray();
            if (keep[c] < members.Length) Rng.ForStream(seed, c).Shuffle(members.AsSpan());
            kept.AddRange(members.Take(keep[c]));
        }
        kept.Sort();
        return data.Subset(kept);
    }
}
