namespace GanAugment.Data.Images;

/// <summary>
/// Collects labelled images of one fixed shape (converting them from H·W·C to C·H·W) and makes
/// an <see cref="ImageDataset"/> of them.
/// </summary>
internal sealed class ImageDatasetBuilder(int channels, int height, int width)
{
    private readonly List<byte[]> _images = [];
    private readonly List<int> _labels = [];

    public int Channels => channels;
    public int Height => height;
    public int Width => width;
    public int Count => _labels.Count;

    /// <summary>Adds an image of this builder's shape.</summary>
    public void Add(RawImage image, int label)
    {
        if (image.Channels != channels || image.Height != height || image.Width != width)
            throw new ArgumentException($"image is {image.Channels}x{image.Height}x{image.Width}, builder expects {channels}x{height}x{width}");
        _images.Add(image.ToChw());
        _labels.Add(label);
    }

    /// <summary>Adds an image already in C·H·W order.</summary>
    public void AddChw(ReadOnlySpan<byte> chw, int label)
    {
        if (chw.Length != channels * height * width)
            throw new ArgumentException($"{chw.Length} bytes are not one {channels}x{height}x{width} image");
        _images.Add(chw.ToArray());
        _labels.Add(label);
    }

    public ImageDataset Build(IReadOnlyList<string> classNames)
    {
        var size = channels * height * width;
        var pixels = new byte[(long)size * _images.Count];
        for (var i = 0; i < _images.Count; i++) _images[i].CopyTo(pixels, (long)i * size);
        return new ImageDataset(pixels, [.. _labels], channels, height, width, classNames);
    }
}
