namespace GanAugment.Data.Tables;

/// <summary>
/// Checks that a table can train a table GAN, each failure one line naming the file and the
/// column or data row: a column that holds a single value (or none) carries nothing to learn and
/// is refused rather than dropped silently, so the user decides; the target must have no missing
/// value and every class at least two rows (one row cannot be split, learned or evaluated).
/// Missing values elsewhere are fine: they become a category of their own, or a missing slot
/// beside an imputed number.
/// </summary>
public static class TableChecks
{
    /// <summary>Throws a <see cref="DataFormatException"/> naming <paramref name="source"/> when <paramref name="table"/> is unusable.</summary>
    public static void ForTraining(Table table, string? target, string source)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.RowCount < 2) throw DataFormatException.At(source, $"the table has {table.RowCount} data row(s); a GAN needs many");
        foreach (var column in table.Columns)
        {
            var (distinct, first) = Distinct(column);
            if (distinct == 0)
                throw DataFormatException.At(source, $"column '{column.Name}' has no value in any row; remove it");
            // NOTE: one value plus missing rows is two outcomes (present or not), which a model can learn.
            if (distinct == 1 && column.MissingCount() == 0)
                throw DataFormatException.At(source, $"column '{column.Name}' holds the one value '{ColumnInference.Shorten(first!)}' in every row; remove it (it carries nothing to learn)");
        }
        if (target is null) return;
        var labels = table[target] as CategoricalColumn
            ?? throw DataFormatException.At(source, $"target column '{target}' is numeric; name a column of classes");
        for (var r = 0; r < labels.Count; r++)
            if (labels.IsMissing(r)) throw DataFormatException.At(source, $"target column '{target}' has no value in data row {r + 1}");
        var counts = labels.CategoryCounts();
        for (var k = 0; k < counts.Length; k++)
            if (counts[k] == 1)
            {
                var row = labels.Codes.ToList().IndexOf(k);
                throw DataFormatException.At(source, $"class '{labels.Categories[k]}' of target '{target}' has a single row (data row {row + 1}); a class needs at least 2 rows");
            }
    }

    private static (int Count, string? First) Distinct(Column column)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? first = null;
        for (var r = 0; r < column.Count && seen.Count < 2; r++)
        {
            if (column.IsMissing(r)) continue;
            var text = column switch
            {
                NumericColumn n => InvariantNumber.Format(n[r]),
                CategoricalColumn c => c[r]!,
                _ => throw new NotSupportedException(column.GetType().Name),
            };
            if (seen.Add(text)) first ??= text;
        }
        return (seen.Count, first);
    }
}
