using GanAugment.Data.Catalogue;
using GanAugment.Data.TimeSeries;
using GanAugment.TestSupport;

namespace GanAugment.Data.Tests.TimeSeries;

using GanAugment.Data.Tests.Tables;

public sealed class Co2WindowsTests
{
    [Fact]
    public void Gaps_are_filled_on_the_line_between_neighbours_and_by_the_nearest_reading_at_the_ends()
    {
        var filled = Co2Windows.Interpolate("x.csv", [double.NaN, 1, double.NaN, double.NaN, 4, double.NaN]);
        Assert.Equal([1f, 1f, 2f, 3f, 4f, 4f], filled);
    }

    [Fact]
    public void Windows_overlap_by_the_stride_and_are_labelled_by_the_quarter_they_start_in()
    {
        using var dir = new TempDir();
        var start = new DateOnly(2000, 1, 5);
        var lines = new List<string> { "date,co2" };
        for (var w = 0; w < 60; w++) lines.Add($"{start.AddDays(7 * w):yyyyMMdd},{(w == 3 ? "" : (300 + w).ToString())}");
        var path = dir.Write("co2.csv", string.Join("\n", lines) + "\n");

        var (dates, ppm) = Co2Windows.Read(path);
        var set = Co2Windows.Cut(dates, ppm, window: 10, stride: 13);

        Assert.Equal((4, 10, 1), (set.Count, set.Length, set.Features));
        // window k holds 300 + 13k .. 309 + 13k (week 3 interpolated), centred on its mean 304.5 + 13k
        Assert.Equal([-4.5f, -3.5f, -2.5f, -1.5f, -0.5f, 0.5f, 1.5f, 2.5f, 3.5f, 4.5f], set.Values[..10]);
        Assert.Equal(set.Values[..10], set.Values[10..20]);
        // starts: 5 Jan (Q1), 5 Apr (Q2), 5 Jul (Q3), 4 Oct (Q4)
        Assert.Equal([0, 1, 2, 3], set.Labels!);
        Assert.Equal(["Q1", "Q2", "Q3", "Q4"], set.ClassNames);
    }

    [Fact]
    public void A_bad_line_is_an_error_naming_the_file_and_line()
    {
        using var dir = new TempDir();
        var path = dir.Write("co2.csv", "date,co2\n19580329,316.1\n1958-04-05,317.3\n");
        var e = Assert.Throws<DataFormatException>(() => Co2Windows.Read(path));
        Assert.Contains("co2.csv", e.Message);
        Assert.Contains("3", e.Message);
    }

    [Fact]
    public void A_missing_file_says_how_to_get_it()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<DatasetNotFoundException>(() => Co2Windows.Load(dir.Path));
        Assert.Contains("python3-statsmodels", e.Message);
    }

    [Fact]
    public void A_file_that_differs_from_the_pinned_one_is_refused()
    {
        using var dir = new TempDir();
        dir.Write("co2.csv", "date,co2\n19580329,316.1\n");
        Assert.Throws<DataFormatException>(() => Co2Windows.Load(dir.Path));
    }

    [FactWhenFileExists(RealData.StatsmodelsCo2Folder + "/co2.csv")]
    public void The_Debian_file_gives_yearly_windows_to_1991_for_training_and_from_1992_held_out()
    {
        var train = Co2Windows.Load(RealData.StatsmodelsCo2Folder);
        var test = Co2Windows.Load(RealData.StatsmodelsCo2Folder, heldOut: true);
        // 1,762 weeks to the end of 1991 and 522 after: (1762 - 52) / 4 + 1 and (522 - 52) / 4 + 1 windows
        Assert.Equal((428, 52, 1), (train.Count, train.Length, train.Features));
        Assert.Equal(118, test.Count);
        Assert.All(train.Values, v => Assert.InRange(v, -6f, 6f)); // the seasonal cycle around each year's mean, in ppm
        Assert.All(Enumerable.Range(0, 4), c => Assert.InRange(train.Labels!.Count(y => y == c), 95, 120));
    }
}
