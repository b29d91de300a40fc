using System.Globalization;
using GanAugment.Data.Catalogue;

namespace GanAugment.Data.TimeSeries;

/// <summary>
/// A real series set nobody generated: the weekly atmospheric CO2 concentration at Mauna Loa,
/// March 1958 to December 2001 (2,284 weeks, ppm), as Debian's <c>python3-statsmodels</c> ships it
/// (<c>statsmodels/datasets/co2/co2.csv</c>), cut into windows of one year (52 weeks) that start
/// in the first four weeks of a quarter (January, April, July or October 1-28), each centred on
/// its own mean: the feature <c>co2_anomaly</c> is the year's seasonal cycle (about ±3 ppm) on the
/// slow rise (about 1.5 ppm a year), with the level, which only tells the decade, taken out. The
/// level is kept as a static attribute instead: each window carries "level" (the mean it was
/// centred on, ppm) and "year" (its first date as a decimal year, see <see cref="DecimalYear"/>). A
/// window's class is the quarter it starts in ("Q1" .. "Q4"), so that a conditional model must
/// place the cycle (peak in May, trough in September-October) where the class says. Weeks with no
/// reading (59 of them) are filled by linear interpolation between the nearest readings. The
/// windows that end before 1992 are the training part; those that start in 1992 or later (none
/// overlaps a training window) are held out for evaluation.
/// </summary>
public static class Co2Windows
{
    public const string FileName = "co2.csv";

    public static readonly IReadOnlyList<string> ClassNames = ["Q1", "Q2", "Q3", "Q4"];

    /// <summary>The static attributes of each window: "level", its mean in ppm, and "year", its first date as a decimal year.</summary>
    public static readonly IReadOnlyList<string> AttributeNames = ["level", "year"];

    /// <summary>Where Debian installs the file (<c>apt-get install python3-statsmodels</c>).</summary>
    public const string DebianFolder = "/usr/lib/python3/dist-packages/statsmodels/datasets/co2";

    public const string HowToGet = "install it with `apt-get install python3-statsmodels`, or run `apt-get download python3-statsmodels && dpkg-deb -x python3-statsmodels_*.deb sm` and pass --path sm/usr/lib/python3/dist-packages/statsmodels/datasets/co2";

    /// <summary>The SHA-256 of the file in python3-statsmodels 0.13.5+dfsg-7 (Debian 12).</summary>
    public static FileCheck Check { get; } = new()
    {
        Sha256 = ["16695fa2786e53414e5a6b54767a3fdf5de99cfbc68617f69d1362d92776a92f"],
        Source = "co2.csv of Debian's python3-statsmodels 0.13.5+dfsg-7",
    };

    /// <summary>The file in <paramref name="folder"/>, or in the Debian folder when none is given; a clear error saying how to get it when absent.</summary>
    public static string Locate(string? folder)
    {
        var path = Path.Combine(folder ?? DebianFolder, FileName);
        if (!File.Exists(path))
            throw new DatasetNotFoundException($"co2: {path} not found; {HowToGet}");
        return path;
    }

    /// <summary>The first day of the held-out years.</summary>
    public static readonly DateOnly HeldOutFrom = new(1992, 1, 1);

    /// <summary>Reads, checks and windows the file in <paramref name="folder"/> (default: the Debian folder): the training windows, or the held-out ones.</summary>
    public static SequenceDataset Load(string? folder, bool heldOut = false, int window = 52)
    {
        var path = Locate(folder);
        Check.Verify(path, path);
        var (dates, ppm) = Read(path);
        var first = Array.FindIndex(dates, d => d >= HeldOutFrom);
        if (first < 0) first = dates.Length;
        return heldOut ? Cut(dates[first..], ppm[first..], window) : Cut(dates[..first], ppm[..first], window);
    }

    /// <summary>The weekly dates and readings of a co2.csv (header <c>date,co2</c>, dates as yyyyMMdd, empty for a missing reading), gaps interpolated.</summary>
    public static (DateOnly[] Dates, float[] Ppm) Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].Trim() != "date,co2")
            throw DataFormatException.At(path, "expected the header 'date,co2'", 1);
        var dates = new List<DateOnly>();
        var values = new List<double>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var fields = lines[i].Split(',');
            if (fields.Length != 2 || !DateOnly.TryParseExact(fields[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw DataFormatException.At(path, $"expected 'yyyyMMdd,ppm', got '{lines[i]}'", i + 1);
            double value = double.NaN;
            if (fields[1].Length > 0 && !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                throw DataFormatException.At(path, $"'{fields[1]}' is not a number", i + 1);
            dates.Add(date);
            values.Add(value);
        }
        return ([.. dates], Interpolate(path, values));
    }

    /// <summary>Missing readings (NaN) replaced by the straight line between the nearest readings before and after (the nearest one at either end).</summary>
    internal static float[] Interpolate(string path, IReadOnlyList<double> values)
    {
        var known = Enumerable.Range(0, values.Count).Where(i => !double.IsNaN(values[i])).ToArray();
        if (known.Length == 0) throw DataFormatException.At(path, "holds no reading");
        var filled = new float[values.Count];
        var next = 0;
        for (var i = 0; i < values.Count; i++)
        {
            while (next < known.Length && known[next] < i) next++;
            if (next < known.Length && known[next] == i) { filled[i] = (float)values[i]; continue; }
            var after = next < known.Length ? known[next] : known[^1];
            var before = next > 0 ? known[next - 1] : known[0];
            var w = after == before ? 0 : (double)(i - before) / (after - before);
            filled[i] = (float)(values[before] + w * (values[after] - values[before]));
        }
        return filled;
    }

    /// <summary>
    /// The windows of <paramref name="window"/> weeks that start on days 1-28 of January, April,
    /// July or October, each minus its mean, labelled by that quarter, with the mean and the start
    /// as the attributes <see cref="AttributeNames"/>.
    /// </summary>
    public static SequenceDataset Cut(DateOnly[] dates, float[] ppm, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        var starts = Enumerable.Range(0, Math.Max(0, ppm.Length - window + 1))
            .Where(k => dates[k].Month % 3 == 1 && dates[k].Day <= 28).ToArray();
        if (starts.Length == 0) throw new ArgumentException($"{ppm.Length} weeks hold no window of {window} weeks that starts a quarter");
        var values = new float[starts.Length * window];
        var labels = new int[starts.Length];
        var attributes = new float[starts.Length * AttributeNames.Count];
        for (var k = 0; k < starts.Length; k++)
        {
            var span = values.AsSpan(k * window, window);
            ppm.AsSpan(starts[k], window).CopyTo(span);
            var mean = 0.0;
            foreach (var v in span) mean += v;
            mean /= window;
            for (var t = 0; t < window; t++) span[t] = (float)(span[t] - mean);
            labels[k] = (dates[starts[k]].Month - 1) / 3;
            attributes[2 * k] = (float)mean;
            attributes[2 * k + 1] = (float)DecimalYear(dates[starts[k]]);
        }
        return new SequenceDataset(values, starts.Length, window, 1, labels, ClassNames, featureNames: ["co2_anomaly"],
            attributes: attributes, attributeNames: AttributeNames);
    }

    /// <summary>The year plus the fraction of it gone before <paramref name="date"/>: year + (day of year - 1) / days in the year (1 April 1960 is 1960 + 91/366).</summary>
    public static double DecimalYear(DateOnly date) => date.Year + (date.DayOfYear - 1) / (double)(DateTime.IsLeapYear(date.Year) ? 366 : 365);
}
