using static GanAugment.Data.Writers.Charts.ChartFrame;

namespace GanAugment.Data.Writers.Charts;

/// <summary>
/// Line chart (e.g. losses or statistics per epoch): one polyline per series in the colours of
/// <see cref="BarChart"/>, solid or dashed, a legend on the right, a title, axis labels and round
/// ticks on both axes. Unlike the bar chart's, the y-axis covers only the data (it need not
/// include 0); a flat series or a single point gets a span around its value. Points are marked
/// when they are few enough to stand apart. Renders into a <see cref="Canvas"/> and saves as PNG.
/// </summary>
public sealed class LineChart
{
    private const int SwatchWidth = 20;
    private const int LineWidth = 2;
    private const int DashOn = 6;
    private const int DashOff = 4;

    /// <summary>Points are marked when neighbours are at least this many pixels apart on average.</summary>
    private const int MarkedSpacing = 12;

    public required string Title { get; init; }

    /// <summary>The lines, drawn in order (later ones on top).</summary>
    public required IReadOnlyList<LineSeries> Series { get; init; }

    public string XLabel { get; init; } = "";

    public string YLabel { get; init; } = "";

    /// <summary>Whether x ticks stay on whole numbers (epochs, steps): a step of at least 1.</summary>
    public bool WholeNumberX { get; init; }

    /// <summary>Values the y-axis covers besides the data (charts meant to be compared side by side share one); null for the data only.</summary>
    public (double Min, double Max)? YRange { get; init; }

    public int Width { get; init; } = 800;

    public int Height { get; init; } = 480;

    public Rgb Background { get; init; } = Rgb.White;

    /// <summary>The colour series <paramref name="index"/> is drawn in: its own, or the palette's.</summary>
    public Rgb SeriesColor(int index) => Series[index].Color ?? BarChart.SeriesColor(index);

    /// <summary>Draws the chart.</summary>
    /// <exception cref="ArgumentException">There is no series, a series has more x than y values or the reverse, or the size leaves no room to plot.</exception>
    public Canvas Render()
    {
        var plot = Layout();
        var canvas = new Canvas(Width, Height, Background);
        DrawAxes(canvas, plot);
        for (var s = 0; s < Series.Count; s++)
        {
            DrawSeries(canvas, plot, Series[s], SeriesColor(s));
        }

        DrawLegend(canvas, plot.Right + Pad, plot.Top);
        DrawLabels(canvas, plot);
        return canvas;
    }

    /// <summary>Renders and saves as PNG through <c>path.tmp</c>.</summary>
    /// <exception cref="GanAugment.Data.DataFormatException">The file cannot be written.</exception>
    public void SavePng(string path) => Render().SavePng(path);

    /// <summary>Where the plot goes and how values map to pixels, after checking the series (see <see cref="Render"/>).</summary>
    internal PlotArea Layout()
    {
        Validate();
        var xAxis = Axis(Series.SelectMany(s => FinitePoints(s).Select(p => p.X)), WholeNumberX);
        var yValues = Series.SelectMany(s => FinitePoints(s).Select(p => p.Y));
        var yAxis = Axis(YRange is { } range ? yValues.Append(range.Min).Append(range.Max) : yValues, wholeNumbers: false);
        var widestYLabel = yAxis.Values().Max(v => Canvas.MeasureText(yAxis.Label(v)));
        var legendWidth = Pad + SwatchWidth + 4 + Series.Max(s => Canvas.MeasureText(s.Name)) + Pad;
        var top = Title.Length > 0 ? 2 * Pad + Canvas.TextHeight(TitleScale) : 2 * Pad;
        var left = Pad + (YLabel.Length > 0 ? Canvas.TextHeight() + Pad : 0) + widestYLabel + 2 * TickLength;
        var bottom = TickLength + 2 + Canvas.TextHeight() + Pad + (XLabel.Length > 0 ? Canvas.TextHeight() + Pad : 0);
        var plot = new PlotArea(left, top, Width - legendWidth - Pad, Height - bottom, xAxis, yAxis);
        if (plot.Right - plot.Left < 20 || plot.Bottom - plot.Top < 20)
        {
            throw new ArgumentException($"LineChart: {Width}x{Height} leaves no room to plot beside the labels.");
        }

        return plot;
    }

    private void Validate()
    {
        if (Series.Count == 0)
        {
            throw new ArgumentException("LineChart: need at least one series.");
        }

        foreach (var s in Series)
        {
            if (s.X.Count != s.Y.Count)
            {
                throw new ArgumentException($"LineChart: series '{s.Name}' has {s.X.Count} x values and {s.Y.Count} y values.");
            }
        }
    }

    private static IEnumerable<(double X, double Y)> FinitePoints(LineSeries s) =>
        Enumerable.Range(0, s.X.Count).Where(i => IsFinite(s, i)).Select(i => (s.X[i], s.Y[i]));

    private static bool IsFinite(LineSeries s, int i) => i >= 0 && i < s.X.Count && double.IsFinite(s.X[i]) && double.IsFinite(s.Y[i]);

    /// <summary>Round ticks covering the values; [0, 1] when there are none, ±10% (±1 at 0) around a single value.</summary>
    private static AxisTicks Axis(IEnumerable<double> values, bool wholeNumbers)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (var v in values)
        {
            low = Math.Min(low, v);
            high = Math.Max(high, v);
        }

        if (low > high)
        {
            (low, high) = (0, 1);
        }
        else if (low == high)
        {
            var span = low == 0 ? 1 : Math.Abs(low) * 0.1;
            (low, high) = (low - span, high + span);
        }

        var ticks = AxisTicks.Covering(low, high);
        return wholeNumbers && ticks.Step < 1 ? new AxisTicks(Math.Floor(low), Math.Ceiling(high), 1) : ticks;
    }

    private static void DrawAxes(Canvas canvas, PlotArea plot)
    {
        foreach (var tick in plot.YAxis.Values())
        {
            var y = (int)Math.Round(plot.Y(tick));
            var label = plot.YAxis.Label(tick);
            canvas.FillRectangle(plot.Left, y, plot.Right - plot.Left + 1, 1, Grid);
            canvas.FillRectangle(plot.Left - TickLength, y, TickLength, 1, Ink);
            canvas.DrawText(label, plot.Left - 2 * TickLength - Canvas.MeasureText(label), y - Canvas.TextHeight() / 2, Ink);
        }

        foreach (var tick in plot.XAxis.Values())
        {
            var x = (int)Math.Round(plot.X(tick));
            var label = plot.XAxis.Label(tick);
            canvas.FillRectangle(x, plot.Top, 1, plot.Bottom - plot.Top, Grid);
            canvas.FillRectangle(x, plot.Bottom + 1, 1, TickLength, Ink);
            canvas.DrawText(label, x - Canvas.MeasureText(label) / 2, plot.Bottom + TickLength + 2, Ink);
        }

        canvas.FillRectangle(plot.Left, plot.Top, 1, plot.Bottom - plot.Top + 1, Ink);
        canvas.FillRectangle(plot.Left, plot.Bottom, plot.Right - plot.Left + 1, 1, Ink);
    }

    /// <summary>
    /// The polyline, broken at non-finite points, then a marker on each point if they are few
    /// (not on a dashed reference line), and on any point that stands alone (hollow on a dashed line).
    /// </summary>
    private static void DrawSeries(Canvas canvas, PlotArea plot, LineSeries s, Rgb color)
    {
        var finite = Enumerable.Range(0, s.X.Count).Count(i => IsFinite(s, i));
        var markAll = !s.Dashed && (finite <= 1 || (plot.Right - plot.Left) / (double)(finite - 1) >= MarkedSpacing);
        var phase = 0.0;
        for (var i = 1; i < s.X.Count; i++)
        {
            if (IsFinite(s, i - 1) && IsFinite(s, i))
            {
                phase = DrawSegment(canvas, plot.X(s.X[i - 1]), plot.Y(s.Y[i - 1]), plot.X(s.X[i]), plot.Y(s.Y[i]), color, s.Dashed, phase);
            }
        }

        for (var i = 0; i < s.X.Count; i++)
        {
            var alone = !IsFinite(s, i - 1) && !IsFinite(s, i + 1);
            if (IsFinite(s, i) && (markAll || alone))
            {
                DrawMarker(canvas, (int)Math.Round(plot.X(s.X[i])), (int)Math.Round(plot.Y(s.Y[i])), color, hollow: s.Dashed);
            }
        }
    }

    /// <summary>
    /// A <see cref="LineWidth"/>-thick segment stepped one pixel at a time along its longer side;
    /// dashes continue from <paramref name="phase"/> (pixels already drawn along the line), and
    /// the phase at the end is returned so a dashed polyline keeps its rhythm across corners.
    /// </summary>
    private static double DrawSegment(Canvas canvas, double x0, double y0, double x1, double y1, Rgb color, bool dashed, double phase)
    {
        var steps = (int)Math.Ceiling(Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0)));
        var stride = steps == 0 ? 0 : Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)) / steps;
        for (var i = 0; i <= steps; i++)
        {
            if (dashed && (phase + i * stride) % (DashOn + DashOff) >= DashOn)
            {
                continue;
            }

            var t = steps == 0 ? 0 : (double)i / steps;
            var x = (int)Math.Round(x0 + t * (x1 - x0) - (LineWidth - 1) / 2.0);
            var y = (int)Math.Round(y0 + t * (y1 - y0) - (LineWidth - 1) / 2.0);
            canvas.FillRectangle(x, y, LineWidth, LineWidth, color);
        }

        return phase + steps * stride;
    }

    /// <summary>A round dot five pixels across centred on (x, y), or for a reference line a hollow square seven across.</summary>
    private static void DrawMarker(Canvas canvas, int x, int y, Rgb color, bool hollow)
    {
        if (hollow)
        {
            canvas.DrawRectangle(x - 3, y - 3, 7, 7, color);
            return;
        }

        canvas.FillRectangle(x - 2, y - 1, 5, 3, color);
        canvas.FillRectangle(x - 1, y - 2, 3, 5, color);
    }

    private void DrawLegend(Canvas canvas, int x, int y)
    {
        for (var s = 0; s < Series.Count; s++)
        {
            var rowTop = y + s * LegendRow;
            var middle = rowTop + Canvas.TextHeight() / 2;
            DrawSegment(canvas, x, middle, x + SwatchWidth - 1, middle, SeriesColor(s), Series[s].Dashed, 0);
            canvas.DrawText(Series[s].Name, x + SwatchWidth + 4, rowTop, Ink);
        }
    }

    private void DrawLabels(Canvas canvas, PlotArea plot)
    {
        ChartFrame.DrawTitleAndAxisLabels(canvas, Width, Height, plot.Left, plot.Top, plot.Right, plot.Bottom, Title, XLabel, YLabel);
    }

    /// <summary>The plot rectangle in pixels and the value-to-pixel mappings (fractional, rounded where drawn).</summary>
    internal readonly record struct PlotArea(int Left, int Top, int Right, int Bottom, AxisTicks XAxis, AxisTicks YAxis)
    {
        public double X(double value) => Left + (value - XAxis.Min) / (XAxis.Max - XAxis.Min) * (Right - Left);

        public double Y(double value) => Bottom - (value - YAxis.Min) / (YAxis.Max - YAxis.Min) * (Bottom - Top);
    }
}
