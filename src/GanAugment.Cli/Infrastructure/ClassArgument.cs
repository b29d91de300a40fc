using System.Globalization;

namespace GanAugment.Cli.Infrastructure;

/// <summary>
/// The one reading of a class on the command line (<c>sample --class</c>, <c>augment --classes</c>,
/// <c>train</c> and <c>evaluate imbalance --target-class</c>): the class name as the data set
/// spells it (<c>Sneaker</c>, <c>sawtooth</c>, <c>bad</c>), the same name in other letter case, or
/// its index. A name wins over an index, so a set whose classes are named "10" and "20" takes
/// them by name. Anything else is a usage error that lists the valid classes.
/// </summary>
internal static class ClassArgument
{
    /// <summary>The index of the class <paramref name="text"/> names among <paramref name="names"/>.</summary>
    public static int Resolve(string text, IReadOnlyList<string> names, string option)
    {
        var value = text.Trim();
        for (var c = 0; c < names.Count; c++)
            if (string.Equals(names[c], value, StringComparison.Ordinal)) return c;
        var folded = -1;
        for (var c = 0; c < names.Count; c++)
        {
            if (!string.Equals(names[c], value, StringComparison.OrdinalIgnoreCase)) continue;
            if (folded >= 0) throw UsageException.For(option, $"'{value}' matches both '{names[folded]}' and '{names[c]}'; spell it as the data set does or give the index");
            folded = c;
        }
        if (folded >= 0) return folded;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < names.Count) return index;
        throw UsageException.For(option, $"'{value}' is not a class of this data set; give a name or an index: {Describe(names)}");
    }

    /// <summary>The distinct classes of a comma-separated list, in the order given.</summary>
    public static int[] ResolveList(string text, IReadOnlyList<string> names, string option)
    {
        var classes = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var c = Resolve(part, names, option);
            if (!classes.Contains(c)) classes.Add(c);
        }
        return [.. classes];
    }

    /// <summary>
    /// "0 T-shirt/top, 1 Trouser, ...": every class with its index (a set of 20 or more shows the
    /// first and last ten); "0..9" when the names are the indices, as MNIST's are.
    /// </summary>
    public static string Describe(IReadOnlyList<string> names)
    {
        if (names.Select((name, c) => name == c.ToString(CultureInfo.InvariantCulture)).All(same => same)) return $"0..{names.Count - 1}";
        var shown = names.Select((name, c) => string.Create(CultureInfo.InvariantCulture, $"{c} {name}")).ToList();
        if (shown.Count >= 20) shown = [.. shown.Take(10), "...", .. shown.TakeLast(10)];
        return string.Join(", ", shown);
    }
}
