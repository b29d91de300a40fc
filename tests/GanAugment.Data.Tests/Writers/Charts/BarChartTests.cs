using GanAugment.Data.Images.Png;
using GanAugment.Data.Writers.Charts;
using static GanAugment.Data.Tests.Writers.Charts.ChartPixels;

namespace GanAugment.Data.Tests.Writers.Charts;

public sealed class BarChartTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private static BarChart Chart(IReadOnlyList<double>? errors = null, IReadOnlyList<double>? bagan = null) => new()
    {
        Title = "Minority-class recall",
        Categories = ["digit 0", "digit 3", "digit 7"],
        Series =
        [
            new BarSeries("baseline", [0.2, 0.5, 0.6], errors),
            new BarSeries("smote", [0.4, 0.6, 0.7], errors),
            new BarSeries("bagan", bagan ?? [0.6, 0.7, 0.8], errors),
        ],
        XLabel = "minority class",
        YLabel = "recall",
        Width = 480,
        Height = 300,
    };

    [Fact]
    public void Renders_at_its_size_on_its_background()
    {
        var image = Chart().Render();
        Assert.Equal((480, 300, 3), (image.Width, image.Height, image.Channels));
        Assert.Equal(Rgb.White, At(image, 0, 0));
        Assert.Equal(Rgb.White, At(image, 479, 299));
    }

    [Fact]
    public void Bars_are_drawn_in_the_series_colours_larger_for_larger_values()
    {
        var image = Chart().Render();
        var areas = Enumerable.Range(0, 3).Select(s => Count(image, BarChart.SeriesColor(s))).ToArray();
        Assert.All(areas, a => Assert.True(a > 200, $"{a} pixels"));
        // Bars of equal width: the area follows the sum of the values (1.3 < 1.7 < 2.1).
        Assert.True(areas[0] < areas[1] && areas[1] < areas[2], string.Join(",", areas));
    }

    [Fact]
    public void Error_bars_add_ink()
    {
        var plain = Chart().Render();
        var withErrors = Chart([0.05, 0.1, 0.02]).Render();
        Assert.True(Dark(withErrors, 0, 0, 480, 300) > Dark(plain, 0, 0, 480, 300) + 20);
    }

    [Fact]
    public void The_value_axis_includes_zero_and_every_value_with_its_error()
    {
        var (low, high) = Chart([0.05, 0.1, 0.02]).ValueRange();
        Assert.Equal((0.0, 0.82), (low, Math.Round(high, 12)));
        Assert.Equal((-0.3, 0.7), Chart(bagan: [-0.3, double.NaN, 0.1]).ValueRange());
        Assert.Equal((0, 1), new BarChart { Title = "t", Categories = ["a"], Series = [new BarSeries("s", [0.0])] }.ValueRange());
    }

    [Fact]
    public void Negative_values_and_NaN_render()
    {
        var image = Chart([double.NaN, 0.1, 0.02], bagan: [-0.3, double.NaN, 0.1]).Render();
        Assert.True(Count(image, BarChart.SeriesColor(2)) > 50);
    }

    [Fact]
    public void The_title_legend_and_category_names_are_drawn()
    {
        var image = Chart().Render();
        Assert.True(Dark(image, 0, 0, 480, 24) > 40, "title");
        Assert.True(Dark(image, 400, 40, 80, 200) > 60, "legend");
        Assert.True(GreyLevels(image, 0, 0, 480, 24) > 10, "anti-aliased text");
    }

    [Fact]
    public void Mismatched_series_a_negative_error_or_a_tiny_size_throw()
    {
        var chart = Chart() is var c ? new BarChart { Title = c.Title, Categories = ["a", "b"], Series = c.Series } : null;
        Assert.Throws<ArgumentException>(() => chart!.Render());
        Assert.Throws<ArgumentException>(() => Chart([0.1, -0.1, 0.1]).Render());
        Assert.Throws<ArgumentException>(() => new BarChart { Title = "t", Categories = ["a"], Series = [new BarSeries("s", [1.0])], Width = 50, Height = 30 }.Render());
    }

    [Fact]
    public void SavePng_decodes_to_the_rendered_pixels()
    {
        var path = Path.Combine(_temp.Path, "recall.png");
        var chart = Chart([0.05, 0.1, 0.02]);
        chart.SavePng(path);
        var image = PngDecoder.Decode(File.ReadAllBytes(path), path);
        Assert.Equal((480, 300, 3), (image.Width, image.Height, image.Channels));
        Assert.Equal(chart.Render().Pixels, image.Pixels);
    }
}
