using GanAugment.Data.Writers.Charts;
using GanAugment.Data.Images.Png;

namespace GanAugment.Data.Tests.Writers.Charts;

public sealed class BarChartTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private static BarChart Chart(IReadOnlyList<double>? errors = null) => new()
    {
        Title = "Minority-class recall",
        Categories = ["digit 0", "digit 3", "digit 7"],
        Series =
        [
            new BarSeries("baseline", [0.2, 0.5, 0.6], errors),
            new BarSeries("smote", [0.4, 0.6, 0.7], errors),
            new BarSeries("bagan", [0.6, 0.7, 0.8], errors),
        ],
        XLabel = "minority class",
        YLabel = "recall",
        Width = 480,
        Height = 300,
    };

    private static int CountColor(Canvas canvas, Rgb color)
    {
        var count = 0;
        for (var y = 0; y < canvas.Height; y++)
        {
            for (var x = 0; x < canvas.Width; x++)
            {
                count += canvas[x, y] == color ? 1 : 0;
            }
        }

        return count;
    }

    [Fact]
    public void Render_SizeAndBackground()
    {
        var canvas = Chart().Render();
        Assert.Equal((480, 300), (canvas.Width, canvas.Height));
        Assert.Equal(480 * 300 * 3, canvas.Pixels.Length);
        Assert.Equal(Rgb.White, canvas[0, 0]);
        Assert.Equal(Rgb.White, canvas[479, 299]);
    }

    [Fact]
    public void Bars_AreDrawnInSeriesColours_TallerForLargerValues()
    {
        var canvas = Chart().Render();
        var areas = Enumerable.Range(0, 3).Select(s => CountColor(canvas, BarChart.SeriesColor(s))).ToArray();
        // Bar areas follow the value sums 1.3 : 1.7 : 2.1 (plus the small legend swatches).
        Assert.All(areas, a => Assert.True(a > 500, $"areas {string.Join(",", areas)}"));
        Assert.True(areas[0] < areas[1] && areas[1] < areas[2], $"areas {string.Join(",", areas)}");
    }

    [Fact]
    public void ErrorBars_AddInk()
    {
        var ink = new Rgb(40, 40, 40);
        var plain = CountColor(Chart().Render(), ink);
        var withErrors = CountColor(Chart([0.05, 0.05, 0.05]).Render(), ink);
        Assert.True(withErrors > plain + 9 * 10, $"ink {plain} without errors, {withErrors} with");
    }

    [Fact]
    public void NegativeValues_AndNaN_Render()
    {
        var chart = new BarChart
        {
            Title = "delta",
            Categories = ["a", "b"],
            Series = [new BarSeries("gain", [-0.3, double.NaN], [0.1, double.NaN])],
        };
        var canvas = chart.Render();
        Assert.True(CountColor(canvas, BarChart.SeriesColor(0)) > 100);
    }

    [Fact]
    public void MismatchedSeries_Throws()
    {
        var chart = new BarChart { Title = "t", Categories = ["a", "b"], Series = [new BarSeries("s", [1.0])] };
        Assert.Throws<ArgumentException>(() => chart.Render());
        var negative = new BarChart { Title = "t", Categories = ["a"], Series = [new BarSeries("s", [1.0], [-1.0])] };
        Assert.Throws<ArgumentException>(() => negative.Render());
        var tiny = new BarChart { Title = "t", Categories = ["a"], Series = [new BarSeries("series", [1.0])], Width = 60, Height = 40 };
        Assert.Throws<ArgumentException>(() => tiny.Render());
    }

    [Fact]
    public void SavePng_DecodesToTheRenderedPixels()
    {
        var path = Path.Combine(_temp.Path, "recall.png");
        var chart = Chart([0.05, 0.1, 0.02]);
        chart.SavePng(path);
        var image = PngDecoder.Decode(File.ReadAllBytes(path), path);
        Assert.Equal((480, 300, 3), (image.Width, image.Height, image.Channels));
        Assert.Equal(chart.Render().Pixels, image.Pixels);
    }

    [Theory]
    [InlineData(0, 0.93, 0, 1, 0.2)]
    [InlineData(-3, 7, -4, 8, 2)]
    [InlineData(0, 0, 0, 1, 0.2)]
    [InlineData(0, 450, 0, 500, 100)]
    public void AxisTicks_AreRound(double low, double high, double min, double max, double step)
    {
        var ticks = AxisTicks.Covering(low, high);
        Assert.Equal(min, ticks.Min, 12);
        Assert.Equal(max, ticks.Max, 12);
        Assert.Equal(step, ticks.Step, 12);
    }

    [Fact]
    public void AxisTicks_Labels()
    {
        var ticks = AxisTicks.Covering(0, 0.93);
        Assert.Equal(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], ticks.Values().Select(ticks.Label));
        var wide = AxisTicks.Covering(0, 450);
        Assert.Equal("300", wide.Label(300));
    }
}
