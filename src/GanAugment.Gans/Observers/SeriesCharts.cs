using GanAugment.Data.Images;
using GanAugment.Data.Writers.Charts;

namespace GanAugment.Gans.Observers;

/// <summary>Line plots of real and generated series, one row per class, real on the left and generated on the right.</summary>
public static class SeriesCharts
{
    public static void WriteGrid(string path, SequenceSpec spec, IReadOnlyList<(int Class, float[] Values)> real, IReadOnlyList<(int Class, float[] Values)> generated)
    {
        var classes = Math.Max(1, spec.ClassCount);
        var charts = new List<RawImage>();
        for (var c = 0; c < classes; c++)
        {
            var name = spec.ClassCount > 0 ? spec.ClassNames[c] : "all";
            charts.Add(Plot($"{name}: real", spec, real.Where(s => s.Class == c).Select(s => s.Values)));
            charts.Add(Plot($"{name}: generated", spec, generated.Where(s => s.Class == c).Select(s => s.Values)));
        }
        ChartGrid.Save(path, charts, columns: 2);
    }

    /// <summary>One chart of several series; each feature of each series is a line over the steps.</summary>
    private static RawImage Plot(string title, SequenceSpec spec, IEnumerable<float[]> series)
    {
        var steps = Enumerable.Range(0, spec.Length).Select(t => (double)t).ToArray();
        var lines = series.SelectMany((values, i) => Enumerable.Range(0, spec.Features).Select(f =>
            new LineSeries(spec.Features == 1 ? $"{i + 1}" : $"{i + 1} {spec.FeatureNames[f]}", steps,
                [.. Enumerable.Range(0, spec.Length).Select(t => (double)values[t * spec.Features + f])]))).ToList();
        return new LineChart { Title = title, Series = lines, XLabel = "step", WholeNumberX = true, Width = 420, Height = 260 }.Render();
    }
}
