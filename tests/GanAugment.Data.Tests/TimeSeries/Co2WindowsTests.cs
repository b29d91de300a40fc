using System.Globalization;
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

    /// <summary>40 weeks from 5 January 2000 reading 300, 301, ... ppm, with week 3 missing.</summary>
    private static string FortyWeeks(TempDir dir)
    {
        var start = new DateOnly(2000, 1, 5);
        var lines = new List<string> { "date,co2" };
        for (var w = 0; w < 40; w++) lines.Add($"{start.AddDays(7 * w):yyyyMMdd},{(w == 3 ? "" : (300 + w).ToString(CultureInfo.InvariantCulture))}");
        return dir.Write("co2.csv", string.Join("\n", lines) + "\n");
    }

    [Fact]
    public void Windows_start_in_the_first_four_weeks_of_a_quarter_and_are_labelled_by_it()
    {
        using var dir = new TempDir();
        var (dates, ppm) = Co2Windows.Read(FortyWeeks(dir));
        var set = Co2Windows.Cut(dates, ppm, window: 10);

        // windows start 5, 12, 19, 26 Jan (Q1; weeks 0-3), Apr (Q2; weeks 13-16) and Jul (Q3; weeks 26-29, the last that fit)
        Assert.Equal((12, 10, 1), (set.Count, set.Length, set.Features));
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2], set.Labels!);
        Assert.Equal(["Q1", "Q2", "Q3", "Q4"], set.ClassNames);
        // each window holds ten consecutive weeks (week 3 interpolated) centred on its mean
        Assert.Equal([-4.5f, -3.5f, -2.5f, -1.5f, -0.5f, 0.5f, 1.5f, 2.5f, 3.5f, 4.5f], set.Values[..10]);
        Assert.Equal(set.Values[..10], set.Values[40..50]);
    }

    [Fact]
    public void Each_window_carries_the_level_it_was_centred_on_and_its_start_as_a_decimal_year()
    {
        using var dir = new TempDir();
        var (dates, ppm) = Co2Windows.Read(FortyWeeks(dir));
        var set = Co2Windows.Cut(dates, ppm, window: 10);
        int[] starts = [0, 1, 2, 3, 13, 14, 15, 16, 26, 27, 28, 29];

        Assert.Equal(["level", "year"], set.AttributeNames);
        for (var k = 0; k < set.Count; k++)
        {
            var raw = ppm[starts[k]..(starts[k] + 10)];
            Assert.Equal(raw.Average(), set.AttributesOf(k)[0], 1e-4);
            for (var t = 0; t < 10; t++) Assert.Equal(raw[t], set.Sequence(k)[t] + set.AttributesOf(k)[0], 1e-4);
            Assert.Equal(Co2Windows.DecimalYear(dates[starts[k]]), set.AttributesOf(k)[1], 1e-4);
        }
        Assert.Equal(2000 + 4 / 366.0, set.AttributesOf(0)[1], 1e-4); // 5 January of a leap year
        var years = Enumerable.Range(0, set.Count).Select(k => set.AttributesOf(k)[1]).ToArray();
        Assert.All(Enumerable.Range(1, years.Length - 1), k => Assert.True(years[k] > years[k - 1]));
    }

    [Fact]
    public void Decimal_years_count_the_days_before_the_date()
    {
        Assert.Equal(1960 + 91 / 366.0, Co2Windows.DecimalYear(new DateOnly(1960, 4, 1)), 1e-12);
        Assert.Equal(2001, Co2Windows.DecimalYear(new DateOnly(2001, 1, 1)), 1e-12);
        Assert.Equal(2001 + 364 / 365.0, Co2Windows.DecimalYear(new DateOnly(2001, 12, 31)), 1e-12);
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

    [FactWhenFilesExist(RealData.StatsmodelsCo2Folder + "/co2.csv")]
    public void The_Debian_file_gives_yearly_windows_to_1991_for_training_and_from_1992_held_out()
    {
        var train = Co2Windows.Load(RealData.StatsmodelsCo2Folder);
        var test = Co2Windows.Load(RealData.StatsmodelsCo2Folder, heldOut: true);
        // 33 years (1958-1990) of quarters that can start a whole year before 1992, 9 after
        Assert.Equal((52, 1), (train.Length, train.Features));
        Assert.InRange(train.Count, 490, 540);
        Assert.InRange(test.Count, 130, 150);
        Assert.All(train.Values, v => Assert.InRange(v, -6f, 6f)); // the seasonal cycle around each year's mean, in ppm
        Assert.All(Enumerable.Range(0, 4), c => Assert.InRange(train.Labels!.Count(y => y == c), 115, 140));
        // levels on the rise from about 315 ppm (1958) to about 370 ppm (2001); start years in order on either side of 1992
        Assert.All(Enumerable.Range(0, train.Count), i => Assert.InRange(train.AttributesOf(i)[0], 310f, 360f));
        Assert.All(Enumerable.Range(0, test.Count), i => Assert.InRange(test.AttributesOf(i)[0], 350f, 380f));
        var years = Enumerable.Range(0, train.Count).Select(i => train.AttributesOf(i)[1]).Concat(Enumerable.Range(0, test.Count).Select(i => test.AttributesOf(i)[1])).ToArray();
        Assert.InRange(years[0], 1958f, 1959f);
        Assert.InRange(years[train.Count - 1], 1991f, 1991.1f); // January 1991: the last year that ends before 1992
        Assert.InRange(years[train.Count], 1992f, 1992.1f);
        Assert.All(Enumerable.Range(1, years.Length - 1), k => Assert.True(years[k] > years[k - 1]));
    }
}
