using GanAugment.Data.Catalogue;
using GanAugment.Data.Images;

namespace GanAugment.Evaluation.Tests.Imbalance;

/// <summary>Small slices of the bundled mnist-small set (loaded once) and a temporary folder.</summary>
internal static class ImbalanceTestData
{
    private static readonly Lazy<ImageDatasetSplit> Split = new(() => DatasetCatalogue.CreateBuiltIn().Load(new DatasetRequest("mnist-small")));

    /// <summary>The first <paramref name="train"/> training and <paramref name="test"/> test images of each digit.</summary>
    public static ImageDatasetSplit Digits(int train, int test) => new(First(Split.Value.Train, train), First(Split.Value.Test, test));

    private static ImageDataset First(ImageDataset data, int perClass)
    {
        var taken = new int[data.ClassCount];
        var indices = new List<int>();
        for (var i = 0; i < data.Count; i++)
            if (taken[data.Labels[i]]++ < perClass) indices.Add(i);
        return data.Subset(indices);
    }
}
