namespace GanAugment.Data.Images.Png;

/// <summary>
/// The fields of an IHDR chunk that matter for decoding, and the sizes derived from them.
/// Only the combinations the PNG specification allows can be built (see <see cref="Validate"/>).
/// </summary>
public readonly record struct PngHeader(int Width, int Height, int BitDepth, PngColorType ColorType, bool Interlaced)
{
    /// <summary>Samples per pixel: 1 for grey and palette, 2 grey+alpha, 3 RGB, 4 RGBA.</summary>
    public int SamplesPerPixel => ColorType switch
    {
        PngColorType.Grey or PngColorType.Palette => 1,
        PngColorType.GreyAlpha => 2,
        PngColorType.Rgb => 3,
        _ => 4,
    };

    public int BitsPerPixel => SamplesPerPixel * BitDepth;

    /// <summary>The filter's byte distance to "the pixel on the left": max(1, bits per pixel / 8).</summary>
    public int FilterStride => Math.Max(1, BitsPerPixel / 8);

    /// <summary>Bytes of one scanline of <paramref name="width"/> pixels, without the filter byte.</summary>
    public long RowBytes(int width) => ((long)width * BitsPerPixel + 7) / 8;

    /// <summary>Channels of the decoded image before grey detection: 1 for grey types, else 3.</summary>
    public int OutputChannels => ColorType is PngColorType.Grey or PngColorType.GreyAlpha ? 1 : 3;

    /// <summary>Bytes of filtered, decompressed image data the header implies (all Adam7 passes when interlaced).</summary>
    public long FilteredSize()
    {
        if (!Interlaced) return Height * (1 + RowBytes(Width));
        long total = 0;
        foreach (var pass in Adam7.Passes)
        {
            var (w, h) = pass.Size(Width, Height);
            if (w > 0 && h > 0) total += h * (1 + RowBytes(w));
        }
        return total;
    }

    /// <summary>Null when the header is one the specification allows, otherwise the reason it is not.</summary>
    public static string? Validate(uint width, uint height, int bitDepth, int colorType, int compression, int filter, int interlace)
    {
        if (width == 0 || height == 0) return $"image size {width}x{height} is empty";
        if (width > int.MaxValue || height > int.MaxValue) return $"image size {width}x{height} exceeds 2^31-1";
        var depthOk = colorType switch
        {
            0 => bitDepth is 1 or 2 or 4 or 8 or 16,
            3 => bitDepth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => bitDepth is 8 or 16,
            _ => false,
        };
        if (colorType is not (0 or 2 or 3 or 4 or 6)) return $"colour type {colorType} is not one of 0, 2, 3, 4, 6";
        if (!depthOk) return $"bit depth {bitDepth} is not allowed for colour type {colorType}";
        if (compression != 0) return $"compression method {compression} is not 0 (deflate)";
        if (filter != 0) return $"filter method {filter} is not 0";
        if (interlace is not (0 or 1)) return $"interlace method {interlace} is not 0 or 1";
        return null;
    }
}
