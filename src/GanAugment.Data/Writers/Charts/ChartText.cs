using SkiaSharp;

namespace GanAugment.Data.Writers.Charts;

/// <summary>
/// Text as a coverage mask (one byte per pixel, 0 = none, 255 = full ink), drawn by SkiaSharp in
/// the charts' font, for captions on rasters that are not charts (the row labels of image grids).
/// </summary>
internal static class ChartText
{
    /// <summary>The width and height in pixels that <paramref name="text"/> takes at <paramref name="size"/> pixels.</summary>
    public static (int Width, int Height) Measure(string text, float size)
    {
        using var font = new SKFont(ChartFonts.Regular, size);
        var metrics = font.Metrics;
        return ((int)Math.Ceiling(font.MeasureText(text)), (int)Math.Ceiling(metrics.Descent - metrics.Ascent));
    }

    /// <summary>The mask of <paramref name="text"/> at <paramref name="size"/> pixels, <see cref="Measure"/>'s size.</summary>
    public static (byte[] Coverage, int Width, int Height) Mask(string text, float size)
    {
        var (width, height) = Measure(text, size);
        width = Math.Max(1, width);
        using var font = new SKFont(ChartFonts.Regular, size) { Edging = SKFontEdging.Antialias };
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Alpha8, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = SKColors.White, IsAntialias = true })
        {
            canvas.Clear(SKColors.Transparent);
            canvas.DrawText(text, 0, -font.Metrics.Ascent, SKTextAlign.Left, font, paint);
        }
        return (bitmap.GetPixelSpan().ToArray(), width, height);
    }
}
