using System.Text;
using GanAugment.Data.Writers;

namespace GanAugment.Data.Tables;

/// <summary>
/// Writes a <see cref="Table"/> as UTF-8 CSV (no BOM, LF line ends) that
/// <see cref="CsvTableReader"/> reads back to the same values: numbers in their shortest
/// round-trip form, missing values as empty fields, and a field quoted when it holds the
/// delimiter, a quote, a line break, surrounding spaces or a missing-value marker. The file is
/// written to "path.tmp" and renamed, so a failure never leaves a half-written file.
/// </summary>
public static class CsvTableWriter
{
    public static void Write(Table table, string path, CsvWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new CsvWriteOptions();
        CsvTokenizer.Validate(options.Delimiter);
        var markers = new HashSet<string>(options.MissingValues, StringComparer.Ordinal);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
            writer.NewLine = "\n";
            if (options.WriteHeader)
                WriteRow(writer, table.Columns.Select(c => Quote(c.Name, options.Delimiter, markers)), options.Delimiter);
            // NOTE: a lone empty field would be a blank line, which readers skip, so a
            // one-column table writes its missing values as "" (also read as missing).
            var missing = table.ColumnCount == 1 ? "\"\"" : "";
            for (var r = 0; r < table.RowCount; r++)
                WriteRow(writer, table.Columns.Select(c => c.IsMissing(r) ? missing : Cell(c, r, options.Delimiter, markers)), options.Delimiter);
        });
    }

    internal static void WriteRow(TextWriter writer, IEnumerable<string> cells, char delimiter)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) writer.Write(delimiter);
            writer.Write(cell);
            first = false;
        }
        writer.WriteLine();
    }

    private static string Cell(Column column, int row, char delimiter, HashSet<string> markers) => column switch
    {
        NumericColumn n => InvariantNumber.Format(n[row]),
        CategoricalColumn c => Quote(c[row]!, delimiter, markers),
        _ => throw new NotSupportedException($"column type {column.GetType().Name}"),
    };

    /// <summary>Quotes <paramref name="text"/> when reading it back unquoted would change it.</summary>
    internal static string Quote(string text, char delimiter, HashSet<string> markers)
    {
        var needs = markers.Contains(text)
            || text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
            || text.AsSpan().IndexOfAny(['"', '\r', '\n', delimiter]) >= 0;
        return needs ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
