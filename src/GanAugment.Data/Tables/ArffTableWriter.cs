using System.Text;
using GanAugment.Data.Writers;

namespace GanAugment.Data.Tables;

/// <summary>
/// Writes a <see cref="Table"/> as a Weka ARFF file (UTF-8, no BOM, LF line ends) that
/// <see cref="ArffReader"/> reads back to the same values: the relation and attribute names as
/// given, numeric columns as "numeric" with numbers in their shortest round-trip form, categorical
/// columns as nominal attributes listing their categories in the column's order (unused ones
/// included), and "?" for missing values. A categorical column without categories is written as
/// a "string" attribute, since ARFF has no empty nominal type. Names and values are quoted with
/// '...' and backslash escapes where reading them back unquoted would change them. The file is
/// written to "path.tmp" and renamed (see <see cref="AtomicFile"/>).
/// </summary>
/// <remarks>
/// ARFF does not mark the class attribute; read the file back with
/// <see cref="ArffReadOptions.LabelColumn"/> set to <see cref="Table.LabelName"/>.
/// </remarks>
public static class ArffTableWriter
{
    /// <summary>
    /// Writes <paramref name="table"/> to <paramref name="path"/> under the relation name
    /// <paramref name="relation"/>, else <see cref="Table.Name"/>, else the file's name without extension.
    /// </summary>
    public static void Write(Table table, string path, string? relation = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(path);
        relation ??= table.Name ?? Path.GetFileNameWithoutExtension(path);
        AtomicFile.WriteText(path, writer =>
        {
            writer.WriteLine($"@relation {Quote(relation)}");
            writer.WriteLine();
            foreach (var column in table.Columns)
                writer.WriteLine($"@attribute {Quote(column.Name)} {AttributeType(column)}");
            writer.WriteLine();
            writer.WriteLine("@data");
            for (var r = 0; r < table.RowCount; r++)
                writer.WriteLine(string.Join(',', table.Columns.Select(c => Value(c, r))));
        });
    }

    private static string AttributeType(Column column) => column switch
    {
        NumericColumn => "numeric",
        CategoricalColumn { Categories.Count: 0 } => "string",
        CategoricalColumn c => "{" + string.Join(',', c.Categories.Select(Quote)) + "}",
        _ => throw new NotSupportedException($"column type {column.GetType().Name}"),
    };

    private static string Value(Column column, int row) => column switch
    {
        _ when column.IsMissing(row) => "?",
        NumericColumn n => InvariantNumber.Format(n[row]),
        CategoricalColumn c => Quote(c[row]!),
        _ => throw new NotSupportedException($"column type {column.GetType().Name}"),
    };

    /// <summary>
    /// <paramref name="text"/> as one ARFF token: unquoted when <see cref="ArffText"/> reads it
    /// back unchanged, otherwise in single quotes with \\, \', \n, \r and \t escaped.
    /// </summary>
    internal static string Quote(string text)
    {
        var plain = text.Length > 0 && text != "?" && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or '\'' or '"' or '%' or '{' or '}' or '\\');
        if (plain) return text;
        var sb = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\\' => @"\\",
                '\'' => @"\'",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ => c.ToString(),
            });
        }
        return sb.Append('\'').ToString();
    }
}
