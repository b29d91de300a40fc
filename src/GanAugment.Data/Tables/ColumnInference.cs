namespace GanAugment.Data.Tables;

/// <summary>
/// Turns the raw texts of one CSV column into a typed column: numeric when every present value
/// parses as an invariant-culture number (or when forced), otherwise categorical. Categories are
/// sorted numerically when they all look like numbers and ordinally otherwise, so the order does
/// not depend on which rows happen to come first.
/// </summary>
internal static class ColumnInference
{
    public static Column Build(CsvDocument doc, int column, ISet<string> missingMarkers, ColumnKind? forced)
    {
        var name = doc.Names[column];
        var rows = doc.Rows;
        var numbers = new double[rows.Count];
        var numeric = forced != ColumnKind.Categorical;
        for (var r = 0; r < rows.Count && numeric; r++)
        {
            var field = rows[r].Fields[column];
            if (IsMissing(field, missingMarkers)) { numbers[r] = double.NaN; continue; }
            if (InvariantNumber.TryParse(field.Text, out numbers[r])) continue;
            if (forced == ColumnKind.Numeric)
                throw DataFormatException.At(doc.File, $"column '{name}' must be numeric but holds '{Shorten(field.Text)}'", rows[r].Line);
            numeric = false;
        }
        if (numeric) return new NumericColumn(name, numbers);

        var values = new string?[rows.Count];
        for (var r = 0; r < rows.Count; r++)
            values[r] = IsMissing(rows[r].Fields[column], missingMarkers) ? null : rows[r].Fields[column].Text;
        return CategoricalColumn.FromValues(name, values, SortedCategories(values));
    }

    public static bool IsMissing(CsvField field, ISet<string> missingMarkers) =>
        field.Text.Length == 0 || !field.Quoted && missingMarkers.Contains(field.Text);

    /// <summary>Distinct values, numerically sorted when all parse as numbers, else ordinally.</summary>
    public static List<string> SortedCategories(IEnumerable<string?> values)
    {
        var distinct = values.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var keys = new double[distinct.Count];
        var allNumbers = true;
        for (var i = 0; i < distinct.Count && allNumbers; i++)
            allNumbers = InvariantNumber.TryParse(distinct[i], out keys[i]);
        if (allNumbers)
            return distinct.Select((v, i) => (v, k: keys[i])).OrderBy(p => p.k).ThenBy(p => p.v, StringComparer.Ordinal).Select(p => p.v).ToList();
        distinct.Sort(StringComparer.Ordinal);
        return distinct;
    }

    /// <summary>Converts a numeric column to categories (used for a label column).</summary>
    public static CategoricalColumn ToCategorical(NumericColumn column)
    {
        var values = new string?[column.Count];
        for (var r = 0; r < values.Length; r++)
            values[r] = column.IsMissing(r) ? null : InvariantNumber.Format(column[r]);
        return CategoricalColumn.FromValues(column.Name, values, SortedCategories(values));
    }

    /// <summary>A value as quoted in a one-line error message: at most 40 characters, control characters escaped.</summary>
    internal static string Shorten(string text)
    {
        var shown = text.Length <= 40 ? text : text[..37] + "...";
        if (!shown.Any(char.IsControl)) return shown;
        return string.Concat(shown.Select(c => c switch
        {
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ when char.IsControl(c) => $"\\u{(int)c:X4}",
            _ => c.ToString(),
        }));
    }
}
