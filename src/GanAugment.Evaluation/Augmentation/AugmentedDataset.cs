using GanAugment.Data.Images;

namespace GanAugment.Evaluation.Augmentation;

/// <summary>A data set whose first images are the real ones and the rest synthetic, with the flag per image and what made them.</summary>
public sealed record AugmentedDataset(ImageDataset Data, bool[] Synthetic, string Source)
{
    /// <summary>Synthetic images per class.</summary>
    public int[] SyntheticCounts()
    {
        var counts = new int[Data.ClassCount];
        for (var i = 0; i < Data.Count; i++)
            if (Synthetic[i]) counts[Data.Labels[i]]++;
        return counts;
    }
}
