using GanAugment.Data.Tables;

namespace GanAugment.Evaluation.Tables;

/// <summary>Joining tables of the same columns, row-wise.</summary>
public static class TableRows
{
    /// <summary>
    /// The rows of <paramref name="first"/> then those of each of <paramref name="more"/>, in
    /// <paramref name="first"/>'s columns, kinds and category lists (a category that
    /// <paramref name="first"/> does not list is appended to its column's list).
    /// </summary>
    public static Table Concat(Table first, IEnumerable<Table> more)
    {
        var parts = new List<Table> { first };
        parts.AddRange(more.Select(t => TableFile.Align(t, first, "added")));
        var columns = first.Columns.Select(c => c is NumericColumn
            ? (Column)new NumericColumn(c.Name, [.. parts.SelectMany(p => ((NumericColumn)p[c.Name]).Values)])
            : CategoricalColumn.FromValues(c.Name, [.. parts.SelectMany(p => Texts((CategoricalColumn)p[c.Name]))], Categories((CategoricalColumn)c, parts))).ToList();
        return new Table(columns, first.LabelName, first.Name);
    }

    private static IEnumerable<string?> Texts(CategoricalColumn c) => Enumerable.Range(0, c.Count).Select(r => c[r]);

    private static List<string> Categories(CategoricalColumn first, List<Table> parts)
    {
        var categories = first.Categories.ToList();
        foreach (var p in parts.Skip(1))
            foreach (var name in ((CategoricalColumn)p[first.Name]).Categories)
                if (!categories.Contains(name)) categories.Add(name);
        return categories;
    }
}
