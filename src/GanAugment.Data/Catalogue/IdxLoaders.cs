using GanAugment.Data.Idx;
using GanAugment.Data.Images;

namespace GanAugment.Data.Catalogue;

/// <summary>Loaders for the MNIST-layout catalogue entries (four IDX files: train/test images and labels).</summary>
public static class IdxLoaders
{
    /// <summary>Loads an entry whose <see cref="DatasetEntry.Files"/> are, in order, train images, train labels, test images, test labels.</summary>
    public static ImageDatasetSplit Mnist(DatasetEntry entry, DatasetFiles files)
    {
        var names = FourFiles(entry);
        return new ImageDatasetSplit(
            IdxDataset.Load(files.PathOf(names[0]), files.PathOf(names[1]), entry.ClassNames),
            IdxDataset.Load(files.PathOf(names[2]), files.PathOf(names[3]), entry.ClassNames));
    }

    /// <summary>
    /// A loader for EMNIST, whose images are stored transposed (column-major) and whose labels
    /// start at <paramref name="firstLabel"/> (1 for the letters split, 0 otherwise).
    /// </summary>
    public static DatasetLoader Emnist(int firstLabel) => (entry, files) =>
    {
        var names = FourFiles(entry);
        return new ImageDatasetSplit(
            LoadTransposed(files.PathOf(names[0]), files.PathOf(names[1]), entry.ClassNames, firstLabel),
            LoadTransposed(files.PathOf(names[2]), files.PathOf(names[3]), entry.ClassNames, firstLabel));
    };

    private static ImageDataset LoadTransposed(string imagesPath, string labelsPath, IReadOnlyList<string> classNames, int firstLabel)
    {
        var images = IdxReader.ReadImages(imagesPath);
        var raw = IdxReader.ReadLabels(labelsPath);
        if (raw.Length != images.Count)
            throw DataFormatException.At(labelsPath, $"{raw.Length} labels for {images.Count} images in {imagesPath}", offset: 4);
        var labels = new int[raw.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = raw[i] - firstLabel;
            if (labels[i] < 0 || labels[i] >= classNames.Count)
                throw DataFormatException.At(labelsPath,
                    $"label {raw[i]} of item {i} is out of range {firstLabel}..{firstLabel + classNames.Count - 1}", offset: 8 + i);
        }
        var (h, w) = (images.Height, images.Width);
        var pixels = new byte[images.Pixels.Length];
        for (var n = 0; n < images.Count; n++)
        {
            var src = images.Pixels.AsSpan(n * h * w, h * w);
            var dst = pixels.AsSpan(n * h * w, h * w);
            // NOTE: the stored image is w rows of h; element (r, c) of the upright image is stored at (c, r).
            for (var r = 0; r < w; r++)
                for (var c = 0; c < h; c++)
                    dst[r * h + c] = src[c * w + r];
        }
        return new ImageDataset(pixels, labels, 1, w, h, classNames);
    }

    private static string[] FourFiles(DatasetEntry entry) =>
        entry.Files.Count == 4 ? entry.Files.Select(f => f.Name).ToArray()
            : throw new InvalidOperationException($"{entry.Name}: an IDX loader needs exactly 4 files, the entry lists {entry.Files.Count}");
}
