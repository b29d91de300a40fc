namespace GanAugment.Data.Tables;

/// <summary>
/// A tokenized CSV file with its column names and rectangular data records: the header is
/// checked (no duplicate names; an empty name becomes "colN") and every record must have as
/// many fields as there are columns.
/// </summary>
internal sealed class CsvDocument
{
    private CsvDocument(string file, string[] names, List<CsvRecord> rows)
    {
        File = file;
        Names = names;
        Rows = rows;
    }

    public string File { get; }

    public string[] Names { get; }

    public List<CsvRecord> Rows { get; }

    public static CsvDocument Load(string path, char delimiter, bool hasHeader, int skipLines, bool trim)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skipLines);
        var text = TextFile.Read(path);
        var records = CsvTokenizer.Tokenize(text, path, delimiter, trim, skipLines);
        if (records.Count == 0) throw DataFormatException.At(path, "the file holds no records");
        string[] names;
        if (hasHeader)
        {
            var header = records[0];
            names = new string[header.Fields.Length];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < names.Length; j++)
            {
                names[j] = header.Fields[j].Text.Length == 0 ? DefaultName(j) : header.Fields[j].Text;
                if (names[j].Any(char.IsControl))
                    throw DataFormatException.At(path, $"column name '{ColumnInference.Shorten(names[j])}' holds a line break or control character", header.Line);
                if (!seen.Add(names[j]))
                    throw DataFormatException.At(path, $"column name '{names[j]}' appears twice in the header", header.Line);
            }
            records.RemoveAt(0);
            if (records.Count == 0) throw DataFormatException.At(path, "the header is not followed by any data rows", header.Line);
        }
        else
        {
            names = Enumerable.Range(0, records[0].Fields.Length).Select(DefaultName).ToArray();
        }
        foreach (var r in records)
            if (r.Fields.Length != names.Length)
                throw DataFormatException.At(path, $"row has {r.Fields.Length} fields but {(hasHeader ? "the header has" : "the first row has")} {names.Length}", r.Line);
        return new CsvDocument(path, names, records);
    }

    /// <summary>Name given to column <paramref name="index"/> (0-based) when the file does not name it.</summary>
    public static string DefaultName(int index) => $"col{index + 1}";

    /// <summary>Index of column <paramref name="name"/>, or an error naming the role and listing the columns.</summary>
    public int Require(string name, string role) => RequireColumn(File, Names, name, role);

    public static int RequireColumn(string file, IReadOnlyList<string> names, string name, string role)
    {
        for (var j = 0; j < names.Count; j++)
            if (names[j] == name) return j;
        throw DataFormatException.At(file, $"{role} '{name}' not found; columns are: {string.Join(", ", names)}");
    }
}
