using GanAugment.Data.Images;

namespace GanAugment.Data.Writers.Charts;

/// <summary>Several rendered charts side by side in one PNG, row by row.</summary>
public static class ChartGrid
{
    public static void Save(string path, IReadOnlyList<Canvas> charts, int columns)
    {
        if (charts.Count == 0) throw new ArgumentException("a chart grid needs at least one chart", nameof(charts));
        var images = charts.Select(c => new RawImage(c.Width, c.Height, 3, c.Pixels)).ToList();
        PngWriter.Write(path, ImageGridWriter.Compose(images, Math.Min(columns, images.Count)));
    }
}
