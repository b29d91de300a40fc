namespace GanAugment.Data.Tables;

/// <summary>
/// Reads a CSV file (RFC 4180 quoting, any delimiter, optional header, BOM) into a
/// <see cref="Table"/>, inferring each column's kind (see <see cref="CsvReadOptions"/>). Bad
/// input is a <see cref="DataFormatException"/> naming the file and line.
/// </summary>
public static class CsvTableReader
{
    public static Table Read(string path, CsvReadOptions? options = null)
    {
        options ??= new CsvReadOptions();
        var doc = CsvDocument.Load(path, options.Delimiter, options.HasHeader, options.SkipLines, options.TrimWhitespace);
        var forced = ForcedKinds(doc, options);
        var missing = new HashSet<string>(options.MissingValues, StringComparer.Ordinal);
        var labelIndex = options.LabelColumn is null ? -1 : doc.Require(options.LabelColumn, "label column");
        var columns = new Column[doc.Names.Length];
        for (var j = 0; j < columns.Length; j++)
        {
            forced.TryGetValue(j, out var kind);
            if (j == labelIndex && kind is null) kind = ColumnKind.Categorical;
            columns[j] = ColumnInference.Build(doc, j, missing, kind);
        }
        return new Table(columns, options.LabelColumn);
    }

    private static Dictionary<int, ColumnKind?> ForcedKinds(CsvDocument doc, CsvReadOptions options)
    {
        var forced = new Dictionary<int, ColumnKind?>();
        foreach (var name in options.ForceCategorical)
            forced[doc.Require(name, "column to force categorical")] = ColumnKind.Categorical;
        foreach (var name in options.ForceNumeric)
        {
            var j = doc.Require(name, "column to force numeric");
            if (forced.ContainsKey(j))
                throw DataFormatException.At(doc.File, $"column '{name}' is forced both categorical and numeric");
            forced[j] = ColumnKind.Numeric;
        }
        return forced;
    }
}
