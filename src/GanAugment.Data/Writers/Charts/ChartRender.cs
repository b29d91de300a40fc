using GanAugment.Data.Images;
using ScottPlot;
using SkiaSharp;

namespace GanAugment.Data.Writers.Charts;

/// <summary>
/// What every chart shares: the Tableau 10 palette, the font, and the rendering of a ScottPlot
/// <see cref="Plot"/> into an RGB <see cref="RawImage"/> (which the project's PNG writer saves).
/// </summary>
internal static class ChartRender
{
    /// <summary>The Tableau 10 palette, cycled over series.</summary>
    private static readonly Rgb[] Palette =
    [
        new(31, 119, 180), new(255, 127, 14), new(44, 160, 44), new(214, 39, 40), new(148, 103, 189),
        new(140, 86, 75), new(227, 119, 194), new(127, 127, 127), new(188, 189, 34), new(23, 190, 207),
    ];

    /// <summary>Outlines and error bars.</summary>
    public static readonly Rgb Ink = new(40, 40, 40);

    public static Rgb SeriesColor(int index) => Palette[index % Palette.Length];

    public static Color ToColor(Rgb rgb, double opacity = 1) =>
        new(rgb.R, rgb.G, rgb.B, (byte)Math.Round(255 * Math.Clamp(opacity, 0, 1)));

    /// <summary>A plot in the house font with the title and axis labels set (empty ones left out).</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel, Rgb background)
    {
        var plot = new Plot();
        ChartFonts.Apply(plot);
        plot.FigureBackground.Color = ToColor(background);
        plot.DataBackground.Color = ToColor(background);
        if (title.Length > 0) plot.Title(title, size: 15);
        if (xLabel.Length > 0) plot.XLabel(xLabel, size: 13);
        if (yLabel.Length > 0) plot.YLabel(yLabel, size: 13);
        return plot;
    }

    /// <summary>Draws <paramref name="plot"/> on a <paramref name="width"/>×<paramref name="height"/> raster: 3 bytes per pixel, rows top to bottom.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A side is below 16 pixels or the raster would exceed 2 GB.</exception>
    public static RawImage ToImage(Plot plot, int width, int height)
    {
        if (width < 16 || height < 16 || (long)width * height * 4 > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(width), $"a chart of {width}x{height} pixels is not a drawable size");
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            plot.Render(canvas, width, height);
        }
        var rgba = bitmap.GetPixelSpan();
        var rgb = new byte[width * height * 3];
        for (int i = 0, j = 0; j < rgb.Length; i += 4, j += 3)
        {
            rgb[j] = rgba[i];
            rgb[j + 1] = rgba[i + 1];
            rgb[j + 2] = rgba[i + 2];
        }
        return new RawImage(width, height, 3, rgb);
    }

    /// <summary>Writes <paramref name="image"/> as PNG, whole or not at all.</summary>
    /// <exception cref="DataFormatException">The file cannot be written.</exception>
    public static void Save(string path, RawImage image) =>
        ReportFile.WriteAllBytes(path, GanAugment.Data.Images.Png.PngEncoder.Encode(image, GanAugment.Data.Images.Png.PngRowFilters.None));
}
