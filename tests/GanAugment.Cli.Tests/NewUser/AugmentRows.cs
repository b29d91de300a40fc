using System.Text.RegularExpressions;

namespace GanAugment.Cli.Tests;

/// <summary>Finds a row of a printed table (cells between '│' borders, padded with spaces).</summary>
internal static class AugmentRows
{
    public static void AssertRow(string output, params string[] cells)
    {
        var pattern = "│" + string.Concat(cells.Select(c => @"\s*" + Regex.Escape(c) + @"\s*│"));
        Assert.True(Regex.IsMatch(output, pattern), $"no row {string.Join(" | ", cells)} in:\n{output}");
    }
}
