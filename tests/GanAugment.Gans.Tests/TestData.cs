using GanAugment.Data.Catalogue;
using GanAugment.Data.Images;

namespace GanAugment.Gans.Tests;

/// <summary>Small slices of the bundled mnist-small set, loaded once.</summary>
internal static class TestData
{
    private static readonly Lazy<ImageDatasetSplit> Split = new(() => DatasetCatalogue.CreateBuiltIn().Load(new DatasetRequest("mnist-small")));

    /// <summary>The first <paramref name="perClass"/> training images of each class.</summary>
    public static ImageDataset Digits(int perClass)
    {
        var train = Split.Value.Train;
        var taken = new int[train.ClassCount];
        var indices = new List<int>();
        for (var i = 0; i < train.Count; i++)
            if (taken[train.Labels[i]]++ < perClass) indices.Add(i);
        return train.Subset(indices);
    }

    public static ImageSpec Spec(ImageDataset data) => new(data.Channels, data.Height, data.Width, data.ClassNames);
}
