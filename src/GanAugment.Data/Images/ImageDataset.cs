namespace GanAugment.Data.Images;

/// <summary>
/// An in-memory labelled image set. Pixels are bytes (0..255) in N·C·H·W order, the layout the
/// engine's tensors use, so one image is the contiguous slice [i·C·H·W, (i+1)·C·H·W).
/// </summary>
public sealed class ImageDataset
{
    public ImageDataset(byte[] pixels, int[] labels, int channels, int height, int width, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (channels <= 0 || height <= 0 || width <= 0)
            throw new ArgumentException($"image shape must be positive, got {channels}x{height}x{width}");
        if ((long)labels.Length * channels * height * width != pixels.Length)
            throw new ArgumentException($"{pixels.Length} pixel bytes do not hold {labels.Length} images of {channels}x{height}x{width}");
        foreach (var y in labels)
            if (y < 0 || y >= classNames.Count)
                throw new ArgumentException($"label {y} is out of range for {classNames.Count} classes");
        Pixels = pixels;
        Labels = labels;
        Channels = channels;
        Height = height;
        Width = width;
        ClassNames = classNames;
    }

    public byte[] Pixels { get; }
    public int[] Labels { get; }
    public int Channels { get; }
    public int Height { get; }
    public int Width { get; }
    public IReadOnlyList<string> ClassNames { get; }

    public int Count => Labels.Length;
    public int ClassCount => ClassNames.Count;
    public int ImageSize => Channels * Height * Width;

    public ReadOnlySpan<byte> Image(int index) => Pixels.AsSpan(index * ImageSize, ImageSize);

    /// <summary>Number of images per class, indexed by class.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[ClassCount];
        foreach (var y in Labels) counts[y]++;
        return counts;
    }

    /// <summary>A new data set holding the images at <paramref name="indices"/>, in that order.</summary>
    public ImageDataset Subset(IReadOnlyList<int> indices)
    {
        var size = ImageSize;
        var pixels = new byte[indices.Count * size];
        var labels = new int[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            Image(indices[i]).CopyTo(pixels.AsSpan(i * size, size));
            labels[i] = Labels[indices[i]];
        }
        return new ImageDataset(pixels, labels, Channels, Height, Width, ClassNames);
    }
}
