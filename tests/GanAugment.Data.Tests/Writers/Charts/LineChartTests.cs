using GanAugment.Data.Images;
using GanAugment.Data.Writers.Charts;
using static GanAugment.Data.Tests.Writers.Charts.ChartPixels;

namespace GanAugment.Data.Tests.Writers.Charts;

public sealed class LineChartTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly double[] Epochs = [1, 2, 3, 4, 5];

    /// <summary>A falling loss and a dashed flat reference at 0.35, 400x260.</summary>
    private static LineChart Chart(string title = "losses", bool legend = true) => new()
    {
        Title = title,
        Series =
        [
            new LineSeries("g", Epochs, [1.2, 0.9, 0.7, 0.6, 0.55]) { InLegend = legend },
            new LineSeries("reference", Epochs, [0.35, 0.35, 0.35, 0.35, 0.35]) { Dashed = true, InLegend = legend },
        ],
        XLabel = "epoch",
        YLabel = "loss",
        WholeNumberX = true,
        Width = 400,
        Height = 260,
    };

    [Fact]
    public void Renders_at_its_size_on_its_background_with_each_series_in_its_colour()
    {
        var chart = Chart();
        var image = chart.Render();
        Assert.Equal((400, 260, 3), (image.Width, image.Height, image.Channels));
        Assert.Equal(Rgb.White, At(image, 0, 0));
        Assert.Equal(Rgb.White, At(image, 399, 259));
        Assert.True(Count(image, chart.SeriesColor(0)) > 100, "the solid line is drawn in the first palette colour");
        Assert.True(Count(image, chart.SeriesColor(1)) > 30, "the dashed line is drawn in the second");
    }

    [Fact]
    public void The_title_is_drawn_in_an_antialiased_font_at_the_top()
    {
        var titled = Chart("Generator and critic losses").Render();
        var untitled = Chart("").Render();
        Assert.True(Dark(titled, 0, 0, 400, 24) > Dark(untitled, 0, 0, 400, 24) + 40, "ink in the title band");
        // A real font is anti-aliased: many grey levels at the glyph edges, not on/off pixels.
        Assert.True(GreyLevels(titled, 0, 0, 400, 24) > 10);
    }

    [Fact]
    public void The_legend_names_the_series_at_the_right()
    {
        var with = Chart(legend: true).Render();
        var without = Chart(legend: false).Render();
        // Where the legend's names stand, the chart without a legend has plot area: light grid and a coloured line.
        Assert.True(Dark(with, 285, 95, 85, 60) > 30);
        Assert.True(Dark(without, 285, 95, 85, 60) < 5);
    }

    [Fact]
    public void A_dashed_series_draws_fewer_pixels_than_the_same_series_solid()
    {
        LineChart Of(bool dashed) => new() { Title = "t", Series = [new LineSeries("s", Epochs, [1.0, 2, 3, 4, 5]) { Dashed = dashed, Marks = SeriesMarks.None }], Width = 400, Height = 260 };
        var color = ChartRender.SeriesColor(0);
        Assert.True(Count(Of(true).Render(), color, 40) < 0.8 * Count(Of(false).Render(), color, 40));
    }

    [Fact]
    public void Faint_series_draw_a_lighter_colour()
    {
        LineChart Of(double opacity) => new() { Title = "t", Series = [new LineSeries("s", Epochs, [1.0, 2, 3, 4, 5]) { Opacity = opacity, Marks = SeriesMarks.None }], Width = 400, Height = 260 };
        var color = ChartRender.SeriesColor(0);
        Assert.True(Count(Of(1).Render(), color, 10) > 100);
        Assert.Equal(0, Count(Of(0.25).Render(), color, 10));
    }

    [Fact]
    public void Limits_cover_the_data_with_a_margin_and_the_y_axis_need_not_include_zero()
    {
        var limits = Chart().Limits();
        Assert.Equal(1 - 0.12, limits.Left, 9);
        Assert.Equal(5 + 0.12, limits.Right, 9);
        Assert.Equal(0.35 - 0.85 * 0.05, limits.Bottom, 9);
        Assert.Equal(1.2 + 0.85 * 0.05, limits.Top, 9);
    }

    [Fact]
    public void A_flat_series_gets_a_span_around_its_value_and_YRange_widens_the_axis()
    {
        var flat = new LineChart { Title = "t", Series = [new LineSeries("s", Epochs, [2.0, 2, 2, 2, 2])] }.Limits();
        Assert.Equal(1.8 - 0.02, flat.Bottom, 9);
        Assert.Equal(2.2 + 0.02, flat.Top, 9);
        var shared = new LineChart { Title = "t", Series = [new LineSeries("s", Epochs, [2.0, 2, 2, 2, 3])], YRange = (0, 10) }.Limits();
        Assert.Equal(-0.5, shared.Bottom, 9);
        Assert.Equal(10.5, shared.Top, 9);
        var none = new LineChart { Title = "t", Series = [new LineSeries("s", [double.NaN], [1.0])] }.Limits();
        Assert.Equal((-0.03, 1.03, -0.05, 1.05), (none.Left, none.Right, none.Bottom, none.Top));
    }

    [Fact]
    public void Non_finite_points_are_skipped_and_break_the_line()
    {
        var runs = LineChart.Runs(new LineSeries("s", [1.0, 2, 3, 4, 5, 6], [1.0, double.NaN, 3, 4, double.PositiveInfinity, 6])).ToList();
        Assert.Equal([[1.0], [3.0, 4.0], [6.0]], runs.Select(r => r.X));
        Assert.Equal([[1.0], [3.0, 4.0], [6.0]], runs.Select(r => r.Y));
        Assert.Empty(LineChart.Runs(new LineSeries("s", [double.NaN], [double.NaN])));
        var image = new LineChart { Title = "t", Series = [new LineSeries("s", [1.0, 2, 3], [1.0, double.NaN, 3])], Width = 300, Height = 200 }.Render();
        Assert.True(Count(image, ChartRender.SeriesColor(0)) > 10, "the points left alone are marked");
    }

    [Fact]
    public void A_scatter_marks_every_point_and_joins_none()
    {
        var xs = Enumerable.Range(0, 50).Select(i => (double)i).ToArray();
        LineChart Of(bool joined) => new() { Title = "t", Series = [new LineSeries("s", xs, xs) { Joined = joined, Marks = SeriesMarks.Dots }], Width = 400, Height = 300 };
        var color = ChartRender.SeriesColor(0);
        // Joined dots along a diagonal fill the gaps between them; unjoined ones do not.
        Assert.True(Count(Of(false).Render(), color, 40) < Count(Of(true).Render(), color, 40));
        Assert.True(Count(Of(false).Render(), color, 40) > 50 * 10);
    }

    [Fact]
    public void No_series_mismatched_lengths_or_a_tiny_size_throw()
    {
        Assert.Throws<ArgumentException>(() => new LineChart { Title = "t", Series = [] }.Render());
        Assert.Throws<ArgumentException>(() => new LineChart { Title = "t", Series = [new LineSeries("s", [1.0, 2.0], [1.0])] }.Render());
        Assert.Throws<ArgumentException>(() => new LineChart { Title = "t", Series = Chart().Series, Width = 60, Height = 40 }.Render());
    }

    [Fact]
    public void SavePng_reads_back_with_the_size_and_pixels_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_temp.Path, "losses.png");
        var chart = Chart();
        chart.SavePng(path);
        var image = ImageFile.Read(path);
        Assert.Equal((400, 260, 3), (image.Width, image.Height, image.Channels));
        Assert.Equal(chart.Render().Pixels, image.Pixels);
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.tmp"));
    }

    [Fact]
    public void SavePng_into_a_missing_folder_is_one_line_naming_the_file()
    {
        var path = Path.Combine(_temp.Path, "missing", "chart.png");
        var error = Assert.Throws<DataFormatException>(() => Chart().SavePng(path));
        Assert.StartsWith(path + ": cannot write", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
