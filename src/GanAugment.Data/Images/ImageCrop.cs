namespace GanAugment.Data.Images;

/// <summary>Cutting a rectangle out of an image.</summary>
public static class ImageCrop
{
    /// <summary>
    /// The pixels with x0 ≤ x &lt; x0 + width and y0 ≤ y &lt; y0 + height. The rectangle must lie inside the image.
    /// </summary>
    public static RawImage Crop(RawImage image, int x0, int y0, int width, int height)
    {
        if (x0 < 0 || y0 < 0 || width <= 0 || height <= 0 || (long)x0 + width > image.Width || (long)y0 + height > image.Height)
            throw new ArgumentOutOfRangeException(nameof(width),
                $"rectangle ({x0}, {y0}) {width}x{height} is not inside a {image.Width}x{image.Height} image");
        var c = image.Channels;
        var pixels = new byte[width * height * c];
        for (var y = 0; y < height; y++)
            image.Pixels.AsSpan(((y0 + y) * image.Width + x0) * c, width * c).CopyTo(pixels.AsSpan(y * width * c));
        return new RawImage(width, height, c, pixels);
    }
}
