namespace GanAugment.Data.Images;

/// <summary>
/// Grey/RGB conversion. Grey from RGB uses the ITU-R BT.601 luma weights,
/// Y = (299·R + 587·G + 114·B) / 1000 rounded, as most image libraries do; RGB from grey
/// copies the grey value into all three channels.
/// </summary>
public static class ImageConvert
{
    /// <summary>Writes the BT.601 luma of interleaved RGB <paramref name="rgb"/> to <paramref name="grey"/>.</summary>
    public static void RgbToGrey(ReadOnlySpan<byte> rgb, Span<byte> grey)
    {
        if (rgb.Length != grey.Length * 3) throw new ArgumentException($"{rgb.Length} RGB bytes do not match {grey.Length} grey pixels");
        for (var i = 0; i < grey.Length; i++)
            grey[i] = (byte)((299 * rgb[3 * i] + 587 * rgb[3 * i + 1] + 114 * rgb[3 * i + 2] + 500) / 1000);
    }

    /// <summary>Replicates each grey value of <paramref name="grey"/> into three channels of <paramref name="rgb"/>.</summary>
    public static void GreyToRgb(ReadOnlySpan<byte> grey, Span<byte> rgb)
    {
        if (rgb.Length != grey.Length * 3) throw new ArgumentException($"{grey.Length} grey pixels do not match {rgb.Length} RGB bytes");
        for (var i = 0; i < grey.Length; i++)
            rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = grey[i];
    }

    /// <summary>The image in one channel (the same instance if it already is grey).</summary>
    public static RawImage ToGrey(RawImage image)
    {
        if (image.Channels == 1) return image;
        var grey = new byte[image.Width * image.Height];
        RgbToGrey(image.Pixels, grey);
        return new RawImage(image.Width, image.Height, 1, grey);
    }

    /// <summary>The image in three channels (the same instance if it already is RGB).</summary>
    public static RawImage ToRgb(RawImage image)
    {
        if (image.Channels == 3) return image;
        var rgb = new byte[image.Pixels.Length * 3];
        GreyToRgb(image.Pixels, rgb);
        return new RawImage(image.Width, image.Height, 3, rgb);
    }

    /// <summary>The image in the colour mode <paramref name="mode"/>.</summary>
    public static RawImage To(RawImage image, ImageColor mode) => mode switch
    {
        ImageColor.Grey => ToGrey(image),
        ImageColor.Rgb => ToRgb(image),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown colour mode"),
    };

    /// <summary>Number of channels of <paramref name="mode"/>.</summary>
    public static int Channels(ImageColor mode) => mode == ImageColor.Grey ? 1 : 3;
}
