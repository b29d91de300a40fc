using System.Globalization;
using GanAugment.Data.Images;

namespace GanAugment.Data.Imbalance;

/// <summary>Text histograms of images per class, for reports and the console.</summary>
public static class ClassHistogram
{
    /// <summary>One line per class: index, name, count and a bar of up to <paramref name="barWidth"/> '#'.</summary>
    public static IReadOnlyList<string> Lines(ImageDataset data, int barWidth = 40)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = data.ClassCounts();
        var max = Math.Max(1, counts.DefaultIfEmpty().Max());
        var nameWidth = NameWidth(data);
        var countWidth = Digits(max);
        return [.. counts.Select((n, c) => $"{c,3} {Name(data, c).PadRight(nameWidth)} {Format(n).PadLeft(countWidth)} {Bar(n, max, barWidth)}".TrimEnd())];
    }

    /// <summary>
    /// One line per class comparing two versions of a data set (same classes): counts before and
    /// after, the kept percentage, and a bar of the after count on the before scale.
    /// </summary>
    public static IReadOnlyList<string> Compare(ImageDataset before, ImageDataset after, int barWidth = 40)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.ClassCount != after.ClassCount)
            throw new ArgumentException($"the data sets have {before.ClassCount} and {after.ClassCount} classes");
        var (b, a) = (before.ClassCounts(), after.ClassCounts());
        var max = Math.Max(1, b.Concat(a).DefaultIfEmpty().Max());
        var nameWidth = NameWidth(before);
        var countWidth = Digits(max);
        var lines = new List<string>(b.Length + 2)
        {
            $"{"",3} {"class".PadRight(nameWidth)} {"before".PadLeft(countWidth)}    {"after".PadLeft(countWidth)}   kept",
        };
        for (var c = 0; c < b.Length; c++)
        {
            var kept = b[c] == 0 ? "-" : (100.0 * a[c] / b[c]).ToString("0.0", CultureInfo.InvariantCulture) + "%";
            lines.Add($"{c,3} {Name(before, c).PadRight(nameWidth)} {Format(b[c]).PadLeft(countWidth)} -> {Format(a[c]).PadLeft(countWidth)} {kept,6} {Bar(a[c], max, barWidth)}".TrimEnd());
        }
        lines.Add($"{"",3} {"total".PadRight(nameWidth)} {Format(before.Count).PadLeft(countWidth)} -> {Format(after.Count).PadLeft(countWidth)}");
        return lines;
    }

    private static string Bar(int count, int max, int width) =>
        new('#', count == 0 ? 0 : Math.Max(1, (int)Math.Round((double)count * width / max, MidpointRounding.AwayFromZero)));

    private static string Name(ImageDataset data, int c) => data.ClassNames[c];

    private static int NameWidth(ImageDataset data) => Math.Max(5, data.ClassNames.Select(n => n.Length).DefaultIfEmpty().Max());

    private static string Format(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static int Digits(int max) => Math.Max(6, Format(max).Length);
}
