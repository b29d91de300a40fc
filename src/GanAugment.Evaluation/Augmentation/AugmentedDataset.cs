using GanAugment.Data.Images;

namespace GanAugment.Evaluation.Augmentation;

/// <summary>A data set whose first images are the real ones and the rest synthetic, with the flag per image and what made them.</summary>
public sealed record AugmentedDataset(ImageDataset Data, bool[] Synthetic, string Source)
{
    /// <summary>For images made from a real image (per-image augmentation): the index of that image, −1 for real images; null otherwise.</summary>
    public int[]? SourceOf { get; init; }

    /// <summary>Synthetic images per class.</summary>
    public int[] SyntheticCounts()
    {
        var counts = new int[Data.ClassCount];
        for (var i = 0; i < Data.Count; i++)
            if (Synthetic[i]) counts[Data.Labels[i]]++;
        return counts;
    }
}
