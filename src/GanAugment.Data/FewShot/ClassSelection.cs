using System.Globalization;

namespace GanAugment.Data.FewShot;

/// <summary>
/// Classes of a labelled image set named on a command line (<c>--train-classes</c>,
/// <c>--test-classes</c>): a count <c>N</c> (the first N classes; for the test classes, the N
/// classes after the training ones), or a comma list whose items are class names, class indices
/// or inclusive index ranges <c>a-b</c> (<c>0-4</c>, <c>cat,dog</c>, <c>0-2,7</c>). A name wins
/// over an index, so a set whose classes are called "0".."9" reads the same either way.
/// </summary>
public static class ClassSelection
{
    /// <summary>The classes of <paramref name="text"/> in the order given; <paramref name="after"/> is where a bare count starts.</summary>
    public static int[] Parse(string text, IReadOnlyList<string> classNames, int after = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = classNames.Count;
        text = text.Trim();
        if (!text.Contains(',') && !text.Contains('-') && !classNames.Contains(text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            if (n < 1 || after + n > count)
                throw new ArgumentException($"'{text}' asks for {n} classes from class {after}, but the data set has {count} classes");
            return [.. Enumerable.Range(after, n)];
        }
        var classes = new List<int>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            foreach (var c in Item(item, classNames))
            {
                if (classes.Contains(c)) throw new ArgumentException($"class '{classNames[c]}' is named twice in '{text}'");
                classes.Add(c);
            }
        }
        return [.. classes];
    }

    private static IEnumerable<int> Item(string item, IReadOnlyList<string> names)
    {
        var byName = names.ToList().IndexOf(item);
        if (byName >= 0) return [byName];
        if (Index(item, names.Count) is { } index) return [index];
        var dash = item.IndexOf('-', 1);
        if (dash > 0 && Index(item[..dash], names.Count) is { } from && Index(item[(dash + 1)..], names.Count) is { } to && from <= to)
            return Enumerable.Range(from, to - from + 1);
        throw new ArgumentException($"'{item}' is not a class name, an index in 0..{names.Count - 1} or a range a-b of them");
    }

    private static int? Index(string text, int count) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < count ? i : null;

    /// <summary>The images of <paramref name="data"/> whose class is one of <paramref name="classes"/> (labels keep their indices).</summary>
    public static Images.ImageDataset Keep(Images.ImageDataset data, IReadOnlyCollection<int> classes)
    {
        var keep = classes.ToHashSet();
        return data.Subset([.. Enumerable.Range(0, data.Count).Where(i => keep.Contains(data.Labels[i]))]);
    }
}
