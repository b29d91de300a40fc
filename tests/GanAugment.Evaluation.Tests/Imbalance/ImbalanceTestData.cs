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

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ganaug-imbalance-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
