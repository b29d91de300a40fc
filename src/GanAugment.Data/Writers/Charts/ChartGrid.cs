using GanAugment.Data.Images;

namespace GanAugment.Data.Writers.Charts;

/// <summary>Several rendered charts side by side in one PNG, row by row.</summary>
public static class ChartGrid
{
    /// <summary>Writes the charts as one PNG (whole or not at all), creating its folder like every sample grid.</summary>
    public static void Save(string path, IReadOnlyList<RawImage> charts, int columns)
    {
        if (charts.Count == 0) throw new ArgumentException("a chart grid needs at least one chart", nameof(charts));
        PngWriter.Write(path, ImageGridWriter.Compose(charts, Math.Min(columns, charts.Count)));
    }
}
