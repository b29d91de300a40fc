using GanAugment.Data.Images;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace GanAugment.Data.Writers.Charts;

/// <summary>
/// Line and scatter chart (losses per step, statistics per epoch, PCA planes, series): one
/// ScottPlot scatter per series in the colours of <see cref="BarChart"/>, a legend at the right,
/// a title, axis labels and automatic ticks. The y-axis covers only the data (it need not include
/// 0), widened by <see cref="YRange"/> when charts are meant to be compared side by side. The
/// chart is a plain description (title, series, options) until <see cref="Render"/> draws it.
/// </summary>
public sealed class LineChart
{
    /// <summary>Auto marks are drawn when neighbouring points are at least this many pixels apart on average.</summary>
    private const int MarkedSpacing = 12;

    public required string Title { get; init; }

    /// <summary>The series, drawn in order (later ones on top).</summary>
    public required IReadOnlyList<LineSeries> Series { get; init; }

    public string XLabel { get; init; } = "";

    public string YLabel { get; init; } = "";

    /// <summary>Whether x ticks stay on whole numbers (epochs, steps).</summary>
    public bool WholeNumberX { get; init; }

    /// <summary>Values the y-axis covers besides the data (charts meant to be compared side by side share one); null for the data only.</summary>
    public (double Min, double Max)? YRange { get; init; }

    public int Width { get; init; } = 800;

    public int Height { get; init; } = 480;

    public Rgb Background { get; init; } = Rgb.White;

    /// <summary>Where the legend goes: beside the plot (default) or in its upper-right corner, which suits small charts.</summary>
    public LegendPlacement Legend { get; init; } = LegendPlacement.Right;

    /// <summary>The colour series <paramref name="index"/> is drawn in: its own, or the palette's.</summary>
    public Rgb SeriesColor(int index) => Series[index].Color ?? ChartRender.SeriesColor(index);

    /// <summary>Draws the chart as an RGB image.</summary>
    /// <exception cref="ArgumentException">There is no series, a series has more x than y values or the reverse, or the size leaves no room to plot.</exception>
    public RawImage Render()
    {
        Validate();
        var plot = ChartRender.NewPlot(Title, XLabel, YLabel, Background);
        for (var s = 0; s < Series.Count; s++) AddSeries(plot, Series[s], SeriesColor(s));
        plot.Axes.SetLimits(Limits());
        if (WholeNumberX) plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        if (!Series.Any(s => s.InLegend && s.Name.Length > 0)) plot.HideLegend();
        else if (Legend == LegendPlacement.Inside) plot.ShowLegend(Alignment.UpperRight);
        else plot.ShowLegend(Edge.Right);
        return ChartRender.ToImage(plot, Width, Height);
    }

    /// <summary>Renders and saves as PNG (written whole or not at all).</summary>
    /// <exception cref="DataFormatException">The file cannot be written.</exception>
    public void SavePng(string path) => ChartRender.Save(path, Render());

    private void Validate()
    {
        if (Series.Count == 0) throw new ArgumentException("LineChart: need at least one series.");
        foreach (var s in Series)
            if (s.X.Count != s.Y.Count)
                throw new ArgumentException($"LineChart: series '{s.Name}' has {s.X.Count} x values and {s.Y.Count} y values.");
        if (Width < 120 || Height < 80)
            throw new ArgumentException($"LineChart: {Width}x{Height} leaves no room to plot beside the labels.");
    }

    /// <summary>One ScottPlot scatter per unbroken run of finite points; only the first carries the legend entry.</summary>
    private void AddSeries(Plot plot, LineSeries series, Rgb rgb)
    {
        var color = ChartRender.ToColor(rgb, series.Opacity);
        var finite = Enumerable.Range(0, series.X.Count).Count(i => IsFinite(series, i));
        var marks = series.Marks == SeriesMarks.Auto
            ? (!series.Dashed && series.Joined && finite > 0 && Width * 0.7 / finite >= MarkedSpacing) || !series.Joined ? SeriesMarks.Dots : SeriesMarks.None
            : series.Marks;
        var legend = series.InLegend;
        foreach (var (xs, ys) in Runs(series))
        {
            var scatter = plot.Add.Scatter(xs, ys, color);
            var alone = xs.Length == 1 && series.Joined;
            var shown = marks != SeriesMarks.None || alone;
            scatter.LineWidth = series.Joined ? series.LineWidth : 0;
            scatter.LinePattern = series.Dashed ? LinePattern.Dashed : LinePattern.Solid;
            scatter.MarkerSize = shown ? series.MarkerSize : 0;
            scatter.MarkerShape = marks == SeriesMarks.HollowSquares || (alone && series.Dashed) ? MarkerShape.OpenSquare : MarkerShape.FilledCircle;
            if (series.OutlinedMarks)
            {
                scatter.MarkerStyle.OutlineColor = ChartRender.ToColor(ChartRender.Ink);
                scatter.MarkerStyle.OutlineWidth = 1.5f;
            }
            if (legend && series.Name.Length > 0)
            {
                scatter.LegendText = series.Name;
                legend = false;
            }
        }
    }

    /// <summary>The series split at its non-finite points.</summary>
    internal static IEnumerable<(double[] X, double[] Y)> Runs(LineSeries series)
    {
        var start = 0;
        for (var i = 0; i <= series.X.Count; i++)
        {
            if (i < series.X.Count && IsFinite(series, i)) continue;
            if (i > start) yield return ([.. series.X.Skip(start).Take(i - start)], [.. series.Y.Skip(start).Take(i - start)]);
            start = i + 1;
        }
    }

    private static bool IsFinite(LineSeries s, int i) => double.IsFinite(s.X[i]) && double.IsFinite(s.Y[i]);

    /// <summary>
    /// The axes' limits: the finite points' range (widened to <see cref="YRange"/>) plus a margin
    /// of 3 % in x and 5 % in y; [0, 1] with no finite point, ±10 % (±1 at 0) around a single value.
    /// </summary>
    internal AxisLimits Limits()
    {
        Validate();
        var points = Series.SelectMany(s => Enumerable.Range(0, s.X.Count).Where(i => IsFinite(s, i)).Select(i => (X: s.X[i], Y: s.Y[i]))).ToList();
        var (xLow, xHigh) = points.Count == 0 ? (0, 1) : Widen(points.Min(p => p.X), points.Max(p => p.X));
        var (yLow, yHigh) = points.Count == 0 ? (double.PositiveInfinity, double.NegativeInfinity) : (points.Min(p => p.Y), points.Max(p => p.Y));
        if (YRange is { } range) (yLow, yHigh) = (Math.Min(yLow, range.Min), Math.Max(yHigh, range.Max));
        (yLow, yHigh) = yLow > yHigh ? (0, 1) : Widen(yLow, yHigh);
        var (xPad, yPad) = ((xHigh - xLow) * 0.03, (yHigh - yLow) * 0.05);
        return new AxisLimits(xLow - xPad, xHigh + xPad, yLow - yPad, yHigh + yPad);
    }

    /// <summary>An empty span becomes ±10 % of the value (±1 at 0).</summary>
    private static (double Low, double High) Widen(double low, double high)
    {
        if (high > low) return (low, high);
        var span = low == 0 ? 1 : Math.Abs(low) * 0.1;
        return (low - span, high + span);
    }
}

/// <summary>Where a <see cref="LineChart"/> puts its legend.</summary>
public enum LegendPlacement
{
    Right,
    Inside,
}
