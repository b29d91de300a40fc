using GanAugment.Data.Images;

namespace GanAugment.Data.Writers.Charts;

/// <summary>Several rendered charts side by side in one PNG, row by row.</summary>
public static class ChartGrid
{
    /// <exception cref="DataFormatException">The file cannot be written.</exception>
    public static void Save(string path, IReadOnlyList<RawImage> charts, int columns)
    {
        if (charts.Count == 0) throw new ArgumentException("a chart grid needs at least one chart", nameof(charts));
        ChartRender.Save(path, ImageGridWriter.Compose(charts, Math.Min(columns, charts.Count)));
    }
}
