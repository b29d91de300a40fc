using GanAugment.Data.Images;
using ScottPlot;

namespace GanAugment.Data.Writers.Charts;

/// <summary>
/// Grouped bar chart with error bars (methods × metrics as mean ± std over runs, or real against
/// generated histograms): one group of bars per category, one colour per series, a legend at the
/// right, a title, axis labels and a value axis that always includes 0. Drawn with ScottPlot.
/// </summary>
public sealed class BarChart
{
    /// <summary>Above this many categories their labels are turned 45° so they do not overlap.</summary>
    private const int UprightCategories = 6;

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

    /// <summary>The colour of series <paramref name="index"/> (the Tableau 10 palette, cycled).</summary>
    public static Rgb SeriesColor(int index) => ChartRender.SeriesColor(index);

    /// <summary>Draws the chart as an RGB image.</summary>
    /// <exception cref="ArgumentException">Series lengths do not match the categories, a value is infinite, an error is negative, or the size leaves no room to plot.</exception>
    public RawImage Render()
    {
        Validate();
        var plot = ChartRender.NewPlot(Title, XLabel, YLabel, Background);
        var width = 0.8 / Series.Count;
        var bars = new List<Bar>();
        for (var s = 0; s < Series.Count; s++)
        {
            var color = ChartRender.ToColor(SeriesColor(s));
            for (var g = 0; g < Categories.Count; g++)
            {
                var value = Series[s].Values[g];
                if (double.IsNaN(value)) continue;
                var error = Series[s].Errors is { } e && !double.IsNaN(e[g]) ? e[g] : 0;
                bars.Add(new Bar
                {
                    Position = g - 0.4 + (s + 0.5) * width,
                    Value = value,
                    Error = error,
                    Size = width * 0.9,
                    FillColor = color,
                    // NOTE: the line colour is also the error bars' colour; dark ink keeps them visible on any bar.
                    LineColor = ChartRender.ToColor(ChartRender.Ink),
                    LineWidth = 1,
                });
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Series[s].Name, FillColor = color });
        }
        if (bars.Count > 0) plot.Add.Bars(bars);
        var ticks = plot.Axes.Bottom;
        ticks.SetTicks([.. Enumerable.Range(0, Categories.Count).Select(g => (double)g)], [.. Categories]);
        if (Categories.Count > UprightCategories)
        {
            ticks.TickLabelStyle.Rotation = -45;
            ticks.TickLabelStyle.Alignment = Alignment.MiddleRight;
            // NOTE: ScottPlot sizes the axis for upright labels; a turned label reaches down by
            // (width + height)·sin 45°, so the axis is made that deep (plus the axis label).
            var (labelWidth, labelHeight) = Categories.Select(c => ChartText.Measure(c, ticks.TickLabelStyle.FontSize)).MaxBy(m => m.Width);
            ticks.MinimumSize = (float)((labelWidth + labelHeight) * Math.Sqrt(0.5)) + 10 + (XLabel.Length > 0 ? 24 : 0);
        }
        var (low, high) = ValueRange();
        var pad = (high - low) * 0.05;
        plot.Axes.SetLimits(-0.5, Categories.Count - 0.5, low < 0 ? low - pad : 0, high > 0 ? high + pad : pad);
        plot.ShowLegend(Edge.Right);
        return ChartRender.ToImage(plot, Width, Height);
    }

    /// <summary>Renders and saves as PNG (written whole or not at all).</summary>
    /// <exception cref="DataFormatException">The file cannot be written.</exception>
    public void SavePng(string path) => ChartRender.Save(path, Render());

    private void Validate()
    {
        if (Categories.Count == 0 || Series.Count == 0) throw new ArgumentException("BarChart: need at least one category and one series.");
        if (Width < 120 || Height < 80) throw new ArgumentException($"BarChart: {Width}x{Height} leaves no room to plot beside the labels.");
        foreach (var s in Series)
        {
            if (s.Values.Count != Categories.Count || (s.Errors is { } e && e.Count != Categories.Count))
                throw new ArgumentException($"BarChart: series '{s.Name}' needs {Categories.Count} values and errors, one per category.");
            for (var g = 0; g < Categories.Count; g++)
            {
                var error = s.Errors?[g] ?? 0;
                var errorValid = double.IsNaN(error) || (double.IsFinite(error) && error >= 0);
                if (double.IsInfinity(s.Values[g]) || !errorValid)
                    throw new ArgumentException($"BarChart: series '{s.Name}', category '{Categories[g]}' has value {s.Values[g]} and error {s.Errors?[g]}.");
            }
        }
    }

    /// <summary>The span of 0 and every value ± error (one unit when all are 0).</summary>
    internal (double Low, double High) ValueRange()
    {
        double low = 0, high = 0;
        foreach (var s in Series)
            for (var g = 0; g < Categories.Count; g++)
            {
                var value = s.Values[g];
                if (double.IsNaN(value)) continue;
                var error = s.Errors is { } e && !double.IsNaN(e[g]) ? e[g] : 0;
                low = Math.Min(low, value - error);
                high = Math.Max(high, value + error);
            }
        return high > low ? (low, high) : (0, 1);
    }
}
