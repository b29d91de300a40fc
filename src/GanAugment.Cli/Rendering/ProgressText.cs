using System.Globalization;

namespace GanAugment.Cli.Rendering;

/// <summary>The pieces of a progress line, shared by the live bar and the plain one-line-per-epoch output.</summary>
internal static class ProgressText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>"d_real=0.6931 g=0.7012".</summary>
    public static string Losses(IEnumerable<KeyValuePair<string, float>> losses) =>
        string.Join(" ", losses.Select(p => string.Create(Inv, $"{p.Key}={p.Value:F4}")));

    /// <summary>"0:42" or "1:02:03".</summary>
    public static string Duration(TimeSpan time) =>
        time.TotalHours >= 1 ? time.ToString(@"h\:mm\:ss", Inv) : time.ToString(@"m\:ss", Inv);

    /// <summary>
    /// Remaining time, extrapolated from the <paramref name="done"/> steps of this session that
    /// took <paramref name="elapsed"/>; "?" before the first step.
    /// </summary>
    public static string Eta(TimeSpan elapsed, long done, long remaining) =>
        done <= 0 ? "?" : Duration(TimeSpan.FromSeconds(elapsed.TotalSeconds / done * Math.Max(0, remaining)));

    public static string Rate(double imagesPerSecond) => string.Create(Inv, $"{imagesPerSecond:F1} img/s");
}
