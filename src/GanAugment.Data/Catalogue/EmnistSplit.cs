namespace GanAugment.Data.Catalogue;

/// <summary>One split of EMNIST (Cohen et al. 2017, https://arxiv.org/abs/1702.05373).</summary>
public sealed record EmnistSplit(string Name, string Description, IReadOnlyList<string> ClassNames, int FirstLabel);

/// <summary>The six EMNIST splits and their class names (the order of NIST's mapping files).</summary>
public static class EmnistSplits
{
    private static readonly string[] Digits = [.. Enumerable.Range(0, 10).Select(d => d.ToString())];
    private static readonly string[] Upper = [.. Enumerable.Range('A', 26).Select(c => ((char)c).ToString())];
    private static readonly string[] Lower = [.. Enumerable.Range('a', 26).Select(c => ((char)c).ToString())];

    // NOTE: the merged splits fold the 15 lower-case letters that look like their capitals into
    // them and keep these 11 apart.
    private static readonly string[] DistinctLower = ["a", "b", "d", "e", "f", "g", "h", "n", "q", "r", "t"];

    public static readonly IReadOnlyList<EmnistSplit> All =
    [
        new("byclass", "62 unbalanced classes (digits, upper and lower case), 697,932 train + 116,323 test", [.. Digits, .. Upper, .. Lower], 0),
        new("bymerge", "47 unbalanced classes (similar upper/lower case merged), 697,932 train + 116,323 test", [.. Digits, .. Upper, .. DistinctLower], 0),
        new("balanced", "47 balanced classes, 112,800 train + 18,800 test", [.. Digits, .. Upper, .. DistinctLower], 0),
        new("letters", "26 letter classes (upper and lower case merged), 124,800 train + 20,800 test", [.. Upper.Zip(Lower, (u, l) => $"{u}/{l}")], 1),
        new("digits", "10 digit classes, 240,000 train + 40,000 test", Digits, 0),
        new("mnist", "10 digit classes in MNIST's proportions, 60,000 train + 10,000 test", Digits, 0),
    ];
}
