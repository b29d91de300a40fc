namespace GanAugment.Data.Images;

/// <summary>
/// One decoded picture: <see cref="Width"/> x <see cref="Height"/> pixels of 1 (grey) or 3 (RGB)
/// byte channels, interleaved row by row (H·W·C order, the order image files store), so channel
/// c of pixel (x, y) is <c>Pixels[(y·Width + x)·Channels + c]</c>.
/// </summary>
public sealed class RawImage
{
    public RawImage(int width, int height, int channels, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (width <= 0 || height <= 0)
            throw new ArgumentException($"image size must be positive, got {width}x{height}");
        if (channels is not (1 or 3))
            throw new ArgumentException($"an image has 1 or 3 channels, got {channels}");
        if ((long)width * height * channels != pixels.Length)
            throw new ArgumentException($"{pixels.Length} pixel bytes do not hold a {width}x{height}x{channels} image");
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }
    public int Channels { get; }
    public byte[] Pixels { get; }

    /// <summary>Channel <paramref name="channel"/> of the pixel at column x, row y.</summary>
    public byte this[int x, int y, int channel = 0] => Pixels[((long)y * Width + x) * Channels + channel];

    /// <summary>The pixels in C·H·W order (one plane per channel), the layout of <see cref="ImageDataset"/>.</summary>
    public byte[] ToChw()
    {
        var plane = Width * Height;
        var chw = new byte[Pixels.Length];
        for (var c = 0; c < Channels; c++)
            for (var i = 0; i < plane; i++)
                chw[c * plane + i] = Pixels[i * Channels + c];
        return chw;
    }

    /// <summary>Builds an image from pixels in C·H·W order (one plane per channel).</summary>
    public static RawImage FromChw(ReadOnlySpan<byte> chw, int channels, int height, int width)
    {
        if (channels is not (1 or 3) || height <= 0 || width <= 0)
            throw new ArgumentException($"bad image shape {channels}x{height}x{width}");
        var plane = width * height;
        if (chw.Length != plane * channels)
            throw new ArgumentException($"{chw.Length} bytes do not hold a {channels}x{height}x{width} image");
        var hwc = new byte[chw.Length];
        for (var c = 0; c < channels; c++)
            for (var i = 0; i < plane; i++)
                hwc[i * channels + c] = chw[c * plane + i];
        return new RawImage(width, height, channels, hwc);
    }

    /// <summary>
    /// Returns a one-channel copy when every pixel of an RGB image has R = G = B (a grey picture
    /// stored as colour), otherwise this image.
    /// </summary>
    public RawImage CollapseGrey()
    {
        if (Channels == 1) return this;
        var p = Pixels;
        for (var i = 0; i < p.Length; i += 3)
            if (p[i] != p[i + 1] || p[i] != p[i + 2]) return this;
        var grey = new byte[Width * Height];
        for (var i = 0; i < grey.Length; i++) grey[i] = p[i * 3];
        return new RawImage(Width, Height, 1, grey);
    }
}
