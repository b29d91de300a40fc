using System.Globalization;
using GanAugment.Data.Tables;

namespace GanAugment.Evaluation.Tables;

/// <summary>Reading the tables of an evaluation, and making a column of one table comparable with the same column of another.</summary>
public static class TableFile
{
    /// <summary>Reads a CSV, ARFF, Parquet or FANN (<c>.data</c>, <c>.train</c>, <c>.test</c>) table; any other extension is an error naming the file.</summary>
    public static Table Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{Path.GetFullPath(path)}: no such file", path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => CsvTableReader.Read(path),
            ".arff" => ArffReader.Read(path),
            ".parquet" => ParquetTableReader.Read(path),
            ".data" or ".train" or ".test" => FannDataReader.Read(path),
            var e => throw new ArgumentException($"{Path.GetFullPath(path)}: '{e}' is not a table format (.csv, .arff, .parquet, or FANN .data/.train/.test)"),
        };
    }

    /// <summary>
    /// <paramref name="column"/> as the kind of <paramref name="like"/>: numbers as categories
    /// (their shortest round-trip text, so a class "1" read back from CSV as the number 1 is "1"
    /// again), or categories as numbers (a category that is not a number is an error).
    /// </summary>
    public static Column Like(Column column, Column like)
    {
        switch (column, like)
        {
            case (NumericColumn n, CategoricalColumn):
                return CategoricalColumn.FromValues(n.Name, [.. n.Values.Select(v => double.IsNaN(v) ? null : v.ToString("R", CultureInfo.InvariantCulture))]);
            case (CategoricalColumn k, NumericColumn):
                var values = new double[k.Count];
                for (var r = 0; r < values.Length; r++)
                    values[r] = k[r] is not { } text ? double.NaN
                        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                        : throw new ArgumentException($"column '{k.Name}' holds '{text}' in row {r + 1}, but the column is numeric in the real table");
                return new NumericColumn(k.Name, values);
            default:
                return column;
        }
    }

    /// <summary><paramref name="table"/> with every column of <paramref name="reference"/> in its kind and order (other columns dropped).</summary>
    public static Table Align(Table table, Table reference, string what)
    {
        var columns = reference.Columns.Select(c => table.Contains(c.Name)
            ? Like(table[c.Name], c)
            : throw new ArgumentException($"the {what} table has no column '{c.Name}'; its columns are: {table.DescribeNames()}")).ToList();
        return new Table(columns, reference.LabelName, table.Name);
    }
}
