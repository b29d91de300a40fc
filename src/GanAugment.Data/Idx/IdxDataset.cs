using GanAugment.Data.Images;

namespace GanAugment.Data.Idx;

/// <summary>
/// Pairs an IDX image file with its IDX label file as a one-channel <see cref="ImageDataset"/>
/// (the MNIST family layout), and writes such a data set back.
/// </summary>
public static class IdxDataset
{
    /// <summary>
    /// Loads images and labels; the counts must agree and every label must index
    /// <paramref name="classNames"/>, or a <see cref="DataFormatException"/> names the file and offset.
    /// </summary>
    public static ImageDataset Load(string imagesPath, string labelsPath, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        var images = IdxReader.ReadImages(imagesPath);
        var rawLabels = IdxReader.ReadLabels(labelsPath);
        if (rawLabels.Length != images.Count)
            throw DataFormatException.At(labelsPath, $"{rawLabels.Length} labels for {images.Count} images in {imagesPath}", offset: 4);
        var labels = new int[rawLabels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = rawLabels[i];
            if (labels[i] >= classNames.Count)
                throw DataFormatException.At(labelsPath,
                    $"label {labels[i]} of item {i} is out of range for {classNames.Count} classes", offset: IdxFormat.HeaderSize(1) + i);
        }
        return new ImageDataset(images.Pixels, labels, 1, images.Height, images.Width, classNames);
    }

    /// <summary>Writes a one-channel data set with fewer than 257 classes as an IDX image file and an IDX label file.</summary>
    public static void Save(ImageDataset data, string imagesPath, string labelsPath, bool gzip = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Channels != 1)
            throw new ArgumentException($"IDX image files hold one channel, the data set has {data.Channels}", nameof(data));
        if (data.ClassCount > 256)
            throw new ArgumentException($"IDX label bytes hold at most 256 classes, the data set has {data.ClassCount}", nameof(data));
        var labels = new byte[data.Count];
        for (var i = 0; i < labels.Length; i++) labels[i] = (byte)data.Labels[i];
        IdxWriter.WriteImages(imagesPath, data.Pixels, data.Count, data.Height, data.Width, gzip);
        IdxWriter.WriteLabels(labelsPath, labels, gzip);
    }
}
