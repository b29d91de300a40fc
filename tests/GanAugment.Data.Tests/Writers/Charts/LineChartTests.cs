using GanAugment.Data.Writers.Charts;
using GanAugment.Data.Images;

namespace GanAugment.Data.Tests.Writers.Charts;

public sealed class LineChartTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly double[] Epochs = [1, 2, 3, 4, 5];

    /// <summary>A falling loss and a dashed flat reference at 0.35, on a 400x260 canvas.</summary>
    private static LineChart Chart(params LineSeries[] extra) => new()
    {
        Title = "losses",
        Series =
        [
            new LineSeries("g", Epochs, [1.2, 0.9, 0.7, 0.6, 0.55]),
            new LineSeries("reference", Epochs, [0.35, 0.35, 0.35, 0.35, 0.35]) { Dashed = true },
            .. extra,
        ],
        XLabel = "epoch",
        YLabel = "loss",
        WholeNumberX = true,
        Width = 400,
        Height = 260,
    };

    /// <summary>Whether <paramref name="color"/> is within <paramref name="radius"/> pixels of (x, y).</summary>
    private static bool ColorNear(Canvas canvas, int x, int y, Rgb color, int radius = 1)
    {
        for (var dy = -radius; dy <= radius; dy++)
        {
            for (var dx = -radius; dx <= radius; dx++)
            {
                if (canvas[x + dx, y + dy] == color)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int CountColor(Canvas canvas, Rgb color) =>
        Enumerable.Range(0, canvas.Height).Sum(y => Enumerable.Range(0, canvas.Width).Count(x => canvas[x, y] == color));

    [Fact]
    public void Points_AreDrawnInTheSeriesColour_WhereTheAxesPutThem()
    {
        var chart = Chart();
        var plot = chart.Layout();
        var canvas = chart.Render();
        var blue = chart.SeriesColor(0);
        for (var i = 0; i < Epochs.Length; i++)
        {
            var (x, y) = ((int)Math.Round(plot.X(Epochs[i])), (int)Math.Round(plot.Y(chart.Series[0].Y[i])));
            Assert.True(ColorNear(canvas, x, y, blue), $"point {i} at ({x}, {y})");
        }

        // Nowhere near the curve: the middle of the plot's top-left quadrant is background or grid.
        Assert.False(ColorNear(canvas, (int)plot.X(1.5), (int)plot.Y(0.4), blue, radius: 3));
    }

    [Fact]
    public void Axes_AreRound_AndTheYAxisNeedNotIncludeZero()
    {
        var plot = Chart().Layout();
        var y = plot.YAxis;
        // Data 0.35..1.2: a step of 1, 2 or 5 x 10^k, ends on whole steps around the data, 0 left out.
        var mantissa = y.Step / Math.Pow(10, Math.Floor(Math.Log10(y.Step)));
        Assert.Contains(Math.Round(mantissa, 9), new[] { 1.0, 2.0, 5.0 });
        Assert.All(y.Values(), v => Assert.Equal(0, Math.Abs(v / y.Step - Math.Round(v / y.Step)), 9));
        Assert.InRange(y.Min, 1e-9, 0.35);
        Assert.InRange(y.Max, 1.2 - 1e-9, 1.2 + y.Step);
        Assert.InRange(y.Values().Count(), 4, 11);
        Assert.Equal(["0.2", "0.4", "0.6", "0.8", "1.0", "1.2"], y.Values().Select(y.Label));
        Assert.Equal([1.0, 2, 3, 4, 5], plot.XAxis.Values());
    }

    private static readonly TupleTolerance Tolerance = new();

    [Fact]
    public void DashedSeries_HasGaps_SolidOneDoesNot()
    {
        var chart = Chart();
        var plot = chart.Layout();
        var canvas = chart.Render();
        var y = (int)Math.Round(plot.Y(0.35));
        var row = Enumerable.Range((int)plot.X(1) + 1, (int)(plot.X(5) - plot.X(1)) - 2).Select(x => ColorNear(canvas, x, y, chart.SeriesColor(1), radius: 0)).ToArray();
        var drawn = row.Count(b => b);
        Assert.InRange(drawn, row.Length * 4 / 10, row.Length * 8 / 10);
    }

    [Fact]
    public void FlatSeries_GetsASpanAroundTheValue()
    {
        var chart = new LineChart { Title = "flat", Series = [new LineSeries("mean", Epochs, [0.13, 0.13, 0.13, 0.13, 0.13])] };
        var plot = chart.Layout();
        Assert.True(plot.YAxis.Min < 0.13 && plot.YAxis.Max > 0.13, $"{plot.YAxis}");
        Assert.True(plot.YAxis.Max - plot.YAxis.Min < 0.1, $"{plot.YAxis}");
        var canvas = chart.Render();
        Assert.True(ColorNear(canvas, (int)Math.Round(plot.X(3)), (int)Math.Round(plot.Y(0.13)), chart.SeriesColor(0)));
    }

    [Fact]
    public void YRange_WidensTheYAxis_SoChartsCanShareOne()
    {
        var chart = new LineChart { Title = "flat", Series = [new LineSeries("mean", Epochs, [0.13, 0.13, 0.13, 0.13, 0.13])], YRange = (-1, 1) };
        var y = chart.Layout().YAxis;
        Assert.True(y.Min <= -1 && y.Max >= 1 && y.Max - y.Min < 3, $"{y}");
    }

    [Fact]
    public void SinglePoint_IsMarked()
    {
        var chart = new LineChart { Title = "one", Series = [new LineSeries("g", [1.0], [2.5])], WholeNumberX = true, Width = 300, Height = 200 };
        var plot = chart.Layout();
        Assert.Equal((0.0, 2.0, 1.0), (plot.XAxis.Min, plot.XAxis.Max, plot.XAxis.Step), Tolerance);
        var canvas = chart.Render();
        var (x, y) = ((int)Math.Round(plot.X(1)), (int)Math.Round(plot.Y(2.5)));
        Assert.Equal(chart.SeriesColor(0), canvas[x, y]);
        Assert.Equal(chart.SeriesColor(0), canvas[x + 2, y]);
        Assert.Equal(chart.SeriesColor(0), canvas[x, y - 2]);
    }

    [Fact]
    public void SinglePoint_OfADashedReference_IsAHollowSquare()
    {
        var chart = new LineChart
        {
            Title = "one epoch",
            Series = [new LineSeries("real", [1.0], [0.3]) { Dashed = true }, new LineSeries("fake", [1.0], [0.1])],
            Width = 300,
            Height = 200,
        };
        var plot = chart.Layout();
        var canvas = chart.Render();
        var (x, y) = ((int)Math.Round(plot.X(1)), (int)Math.Round(plot.Y(0.3)));
        Assert.NotEqual(chart.SeriesColor(0), canvas[x, y]);
        Assert.Equal(chart.SeriesColor(0), canvas[x + 3, y]);
        Assert.Equal(chart.SeriesColor(0), canvas[x, y - 3]);
        Assert.Equal(chart.SeriesColor(1), canvas[(int)Math.Round(plot.X(1)), (int)Math.Round(plot.Y(0.1))]);
    }

    [Fact]
    public void NaNAndInfinity_AreSkipped_AndBreakTheLine()
    {
        var chart = new LineChart
        {
            Title = "diverged",
            Series = [new LineSeries("d", Epochs, [1.0, double.NaN, 3.0, double.PositiveInfinity, 5.0])],
            Width = 300,
            Height = 200,
        };
        var plot = chart.Layout();
        Assert.Equal((1.0, 5.0), (plot.YAxis.Min, plot.YAxis.Max));
        var canvas = chart.Render();
        var color = chart.SeriesColor(0);
        Assert.True(ColorNear(canvas, (int)Math.Round(plot.X(3)), (int)Math.Round(plot.Y(3)), color));
        // No segment joins 1 to 3 across the NaN: half-way along it there is no series colour.
        Assert.False(ColorNear(canvas, (int)Math.Round(plot.X(2)), (int)Math.Round(plot.Y(2)), color, radius: 2));
    }

    [Fact]
    public void EmptyAndAllNaNSeries_Render()
    {
        var empty = new LineChart { Title = "none", Series = [new LineSeries("nothing", [], [])] };
        Assert.Equal(Rgb.White, empty.Render()[0, 0]);
        var nan = new LineChart { Title = "nan", Series = [new LineSeries("nan", [1.0, 2.0], [double.NaN, double.NaN])] };
        Assert.Equal((0.0, 1.0), (nan.Layout().YAxis.Min, nan.Layout().YAxis.Max));
        // Only the legend swatch carries the colour.
        Assert.InRange(CountColor(nan.Render(), nan.SeriesColor(0)), 1, 50);
    }

    [Fact]
    public void NoSeries_OrMismatchedLengths_OrTinySize_Throw()
    {
        Assert.Throws<ArgumentException>(() => new LineChart { Title = "t", Series = [] }.Render());
        Assert.Throws<ArgumentException>(() => new LineChart { Title = "t", Series = [new LineSeries("s", [1.0, 2.0], [1.0])] }.Render());
        Assert.Throws<ArgumentException>(() => Chart() is var c ? new LineChart { Title = c.Title, Series = c.Series, Width = 60, Height = 40 }.Render() : null);
    }

    [Fact]
    public void ManyPoints_AreNotMarked_FewAre()
    {
        var xs = Enumerable.Range(1, 400).Select(i => (double)i).ToArray();
        var many = new LineChart { Title = "many", Series = [new LineSeries("s", xs, xs.Select(x => 5.0).ToArray())], Width = 400, Height = 200 };
        var few = new LineChart { Title = "few", Series = [new LineSeries("s", Epochs, [5.0, 5, 5, 5, 5])], Width = 400, Height = 200 };
        // A flat solid line is LineWidth (2) pixels tall; markers add pixels above and below it.
        var plotMany = many.Layout();
        var y = (int)Math.Round(plotMany.Y(5));
        Assert.False(ColorNear(many.Render(), (int)Math.Round(plotMany.X(200)), y - 2, many.SeriesColor(0), radius: 0));
        var plotFew = few.Layout();
        Assert.Equal(few.SeriesColor(0), few.Render()[(int)Math.Round(plotFew.X(3)), (int)Math.Round(plotFew.Y(5)) - 2]);
    }

    [Fact]
    public void SavePng_ReadsBackWithTheSizeAndPixels()
    {
        var path = Path.Combine(_temp.Path, "losses.png");
        var chart = Chart();
        chart.SavePng(path);
        var image = ImageFile.Read(path);
        Assert.Equal((400, 260, 3), (image.Width, image.Height, image.Channels));
        Assert.Equal(chart.Render().Pixels, image.Pixels);
        Assert.False(File.Exists(path + ".tmp"));
    }

    /// <summary>Compares tuples of doubles to 1e-9 (axis ends are products of a floating-point step).</summary>
    private sealed class TupleTolerance : IEqualityComparer<(double, double, double)>
    {
        public bool Equals((double, double, double) a, (double, double, double) b) =>
            Math.Abs(a.Item1 - b.Item1) < 1e-9 && Math.Abs(a.Item2 - b.Item2) < 1e-9 && Math.Abs(a.Item3 - b.Item3) < 1e-9;

        public int GetHashCode((double, double, double) value) => 0;
    }
}
