using GanAugment.Data.Writers;
using static GanAugment.Data.Writers.Charts.ChartFrame;

namespace GanAugment.Data.Writers.Charts;

/// <summary>
/// Grouped bar chart with error bars (e.g. methods × metrics, mean ± std over runs): one group
/// of bars per category, one colour per series, a legend on the right, a title, axis labels and
/// a value axis with round ticks that always includes 0. Renders into a <see cref="Canvas"/> and
/// saves as PNG.
/// </summary>
public sealed class BarChart
{
    private const int SwatchWidth = 10;

    /// <summary>The Tableau 10 palette, cycled over series.</summary>
    private static readonly Rgb[] Palette =
    [
        new(31, 119, 180), new(255, 127, 14), new(44, 160, 44), new(214, 39, 40), new(148, 103, 189),
        new(140, 86, 75), new(227, 119, 194), new(127, 127, 127), new(188, 189, 34), new(23, 190, 207),
    ];

    public required string Title { get; init; }

    /// <summary>Group names along the x-axis.</summary>
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>The bars of each group, one series per colour.</summary>
    public required IReadOnlyList<BarSeries> Series { get; init; }

    public string XLabel { get; init; } = "";

    public string YLabel { get; init; } = "";

    public int Width { get; init; } = 800;

    public int Height { get; init; } = 480;

    public Rgb Background { get; init; } = Rgb.White;

    /// <summary>The colour of series <paramref name="index"/>.</summary>
    public static Rgb SeriesColor(int index) => Palette[index % Palette.Length];

    /// <summary>Draws the chart.</summary>
    /// <exception cref="ArgumentException">Series lengths do not match the categories, a value is infinite, an error is negative, or the size leaves no room to plot.</exception>
    public Canvas Render()
    {
        Validate();
        var axis = ValueAxis();
        var tickLabels = axis.Values().Select(axis.Label).ToArray();
        var legendWidth = Pad + SwatchWidth + 4 + Series.Max(s => Canvas.MeasureText(s.Name)) + Pad;
        var top = Title.Length > 0 ? 2 * Pad + Canvas.TextHeight(TitleScale) : 2 * Pad;
        var left = Pad + (YLabel.Length > 0 ? Canvas.TextHeight() + Pad : 0) + tickLabels.Max(l => Canvas.MeasureText(l)) + 2 * TickLength;
        var bottom = TickLength + Canvas.TextHeight() + Pad + (XLabel.Length > 0 ? Canvas.TextHeight() + Pad : 0);
        var plot = new PlotArea(left, top, Width - legendWidth - Pad, Height - bottom, axis);
        if (plot.Right - plot.Left < 20 || plot.Bottom - plot.Top < 20)
        {
            throw new ArgumentException($"BarChart: {Width}x{Height} leaves no room to plot beside the labels.");
        }

        var canvas = new Canvas(Width, Height, Background);
        DrawAxis(canvas, plot, tickLabels);
        DrawBars(canvas, plot);
        DrawLegend(canvas, plot.Right + Pad, plot.Top);
        DrawLabels(canvas, plot);
        return canvas;
    }

    /// <summary>Renders and saves as PNG through <c>path.tmp</c>.</summary>
    /// <exception cref="GanAugment.Data.DataFormatException">The file cannot be written.</exception>
    public void SavePng(string path) => Render().SavePng(path);

    private void Validate()
    {
        if (Categories.Count == 0 || Series.Count == 0)
        {
            throw new ArgumentException("BarChart: need at least one category and one series.");
        }

        foreach (var s in Series)
        {
            if (s.Values.Count != Categories.Count || (s.Errors is { } e && e.Count != Categories.Count))
            {
                throw new ArgumentException($"BarChart: series '{s.Name}' needs {Categories.Count} values and errors, one per category.");
            }

            for (var g = 0; g < Categories.Count; g++)
            {
                var error = s.Errors?[g] ?? 0;
                var errorValid = double.IsNaN(error) || (double.IsFinite(error) && error >= 0);
                if (double.IsInfinity(s.Values[g]) || !errorValid)
                {
                    throw new ArgumentException($"BarChart: series '{s.Name}', category '{Categories[g]}' has value {s.Values[g]} and error {s.Errors?[g]}.");
                }
            }
        }
    }

    /// <summary>Ticks covering 0 and every value ± error.</summary>
    private AxisTicks ValueAxis()
    {
        double low = 0, high = 0;
        foreach (var s in Series)
        {
            for (var g = 0; g < Categories.Count; g++)
            {
                var value = s.Values[g];
                if (double.IsNaN(value))
                {
                    continue;
                }

                var error = s.Errors is { } e && !double.IsNaN(e[g]) ? e[g] : 0;
                low = Math.Min(low, value - error);
                high = Math.Max(high, value + error);
            }
        }

        return AxisTicks.Covering(low, high);
    }

    private static void DrawAxis(Canvas canvas, PlotArea plot, string[] tickLabels)
    {
        var ticks = plot.Axis.Values().ToArray();
        for (var i = 0; i < ticks.Length; i++)
        {
            var y = plot.Y(ticks[i]);
            canvas.FillRectangle(plot.Left, y, plot.Right - plot.Left, 1, Grid);
            canvas.FillRectangle(plot.Left - TickLength, y, TickLength, 1, Ink);
            var labelX = plot.Left - 2 * TickLength - Canvas.MeasureText(tickLabels[i]);
            canvas.DrawText(tickLabels[i], labelX, y - Canvas.TextHeight() / 2, Ink);
        }

        canvas.FillRectangle(plot.Left, plot.Top, 1, plot.Bottom - plot.Top + 1, Ink);
        canvas.FillRectangle(plot.Left, plot.Y(0), plot.Right - plot.Left, 1, Ink);
    }

    private void DrawBars(Canvas canvas, PlotArea plot)
    {
        var slot = (double)(plot.Right - plot.Left) / Categories.Count;
        var barWidth = slot * 0.8 / Series.Count;
        var zero = plot.Y(0);
        for (var g = 0; g < Categories.Count; g++)
        {
            for (var s = 0; s < Series.Count; s++)
            {
                var value = Series[s].Values[g];
                if (double.IsNaN(value))
                {
                    continue;
                }

                var x0 = (int)Math.Round(plot.Left + g * slot + slot * 0.1 + s * barWidth);
                var x1 = (int)Math.Round(plot.Left + g * slot + slot * 0.1 + (s + 1) * barWidth);
                // A one-pixel gap between neighbouring bars once they are wide enough to spare it.
                var width = Math.Max(1, x1 - x0 - (barWidth >= 4 ? 1 : 0));
                var y = plot.Y(value);
                canvas.FillRectangle(x0, Math.Min(y, zero), width, Math.Abs(y - zero) + 1, SeriesColor(s));
                if (Series[s].Errors is { } errors && !double.IsNaN(errors[g]) && errors[g] > 0)
                {
                    DrawErrorBar(canvas, x0 + width / 2, plot.Y(value + errors[g]), plot.Y(value - errors[g]), Math.Max(3, width / 3));
                }
            }
        }
    }

    private static void DrawErrorBar(Canvas canvas, int x, int yHigh, int yLow, int cap)
    {
        canvas.FillRectangle(x, yHigh, 1, yLow - yHigh + 1, Ink);
        canvas.FillRectangle(x - cap / 2, yHigh, cap, 1, Ink);
        canvas.FillRectangle(x - cap / 2, yLow, cap, 1, Ink);
    }

    private void DrawLegend(Canvas canvas, int x, int y)
    {
        for (var s = 0; s < Series.Count; s++)
        {
            var rowTop = y + s * LegendRow;
            canvas.FillRectangle(x, rowTop, SwatchWidth, Canvas.TextHeight(), SeriesColor(s));
            canvas.DrawText(Series[s].Name, x + SwatchWidth + 4, rowTop, Ink);
        }
    }

    private void DrawLabels(Canvas canvas, PlotArea plot)
    {
        ChartFrame.DrawTitleAndAxisLabels(canvas, Width, Height, plot.Left, plot.Top, plot.Right, plot.Bottom, Title, XLabel, YLabel);

        var slot = (double)(plot.Right - plot.Left) / Categories.Count;
        var fitting = Math.Max(0, (int)((slot + 1) / BitmapFont.Advance));
        for (var g = 0; g < Categories.Count; g++)
        {
            var name = Categories[g].Length > fitting ? Categories[g][..fitting] : Categories[g];
            var centre = plot.Left + (g + 0.5) * slot;
            canvas.DrawText(name, (int)Math.Round(centre - Canvas.MeasureText(name) / 2.0), plot.Bottom + TickLength + 2, Ink);
        }
    }

    /// <summary>The plot rectangle in pixels and the value-to-row mapping.</summary>
    private readonly record struct PlotArea(int Left, int Top, int Right, int Bottom, AxisTicks Axis)
    {
        public int Y(double value) =>
            (int)Math.Round(Bottom - (value - Axis.Min) / (Axis.Max - Axis.Min) * (Bottom - Top));
    }
}
