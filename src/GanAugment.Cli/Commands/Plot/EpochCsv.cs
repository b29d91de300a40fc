using System.Globalization;
using GanAugment.Data;

namespace GanAugment.Cli.Commands.Plot;

/// <summary>
/// A per-epoch CSV of a run (<c>epoch_losses.csv</c>, <c>stats.csv</c>): a header of column names
/// whose first is <c>epoch</c>, then one row of numbers per epoch (NaN and Infinity allowed, as a
/// diverged loss writes them). A resumed run may repeat an epoch; the last row of each epoch
/// wins, and rows are sorted by epoch.
/// </summary>
internal sealed class EpochCsv
{
    private EpochCsv(string path, IReadOnlyList<string> columns, IReadOnlyList<double[]> rows)
    {
        Path = path;
        Columns = columns;
        Rows = rows;
    }

    public string Path { get; }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<double[]> Rows { get; }

    /// <exception cref="DataFormatException">The file is missing, empty or not a header of names over rows of numbers; the message names the file and line.</exception>
    public static EpochCsv Read(string path)
    {
        if (!File.Exists(path)) throw DataFormatException.At(path, "not found; the run has not finished an epoch yet");
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DataFormatException.At(path, $"cannot read: {e.Message}");
        }

        if (lines.Length == 0 || lines[0].Trim().Length == 0) throw DataFormatException.At(path, "empty: no header; the run has not finished an epoch yet", line: 1);
        var columns = lines[0].Split(',').Select(c => c.Trim()).ToArray();
        if (columns[0] != "epoch") throw DataFormatException.At(path, $"the first column must be 'epoch', got '{columns[0]}'", line: 1);
        if (columns.FirstOrDefault(c => c.Length == 0 || columns.Count(o => o == c) > 1) is { } bad)
            throw DataFormatException.At(path, bad.Length == 0 ? "a column has no name" : $"column '{bad}' appears twice", line: 1);

        var byEpoch = new SortedDictionary<double, double[]>();
        for (var n = 1; n < lines.Length; n++)
        {
            if (lines[n].Trim().Length == 0) continue;
            var row = ParseRow(path, n + 1, lines[n], columns);
            byEpoch[row[0]] = row;
        }
        if (byEpoch.Count == 0) throw DataFormatException.At(path, "has a header but no rows; the run has not finished an epoch yet", line: 2);
        return new EpochCsv(path, columns, byEpoch.Values.ToArray());
    }

    /// <summary>The values of column <paramref name="name"/>, one per row.</summary>
    public double[] Column(string name)
    {
        var index = IndexOf(name);
        return Rows.Select(r => r[index]).ToArray();
    }

    /// <exception cref="DataFormatException">A column is missing: names the file, line 1 and the header.</exception>
    public void Require(IEnumerable<string> names)
    {
        foreach (var name in names)
            if (!Columns.Contains(name)) throw DataFormatException.At(Path, $"no '{name}' column (the header is {string.Join(',', Columns)})", line: 1);
    }

    private int IndexOf(string name)
    {
        Require([name]);
        return Columns.ToList().IndexOf(name);
    }

    private static double[] ParseRow(string path, int line, string text, string[] columns)
    {
        var fields = text.Split(',');
        if (fields.Length != columns.Length)
            throw DataFormatException.At(path, $"{fields.Length} fields, but the header has {columns.Length} ({string.Join(',', columns)})", line);
        var row = new double[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i].Trim();
            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out row[i]))
                throw DataFormatException.At(path, $"{columns[i]} '{field}' is not a number", line);
        }
        if (!double.IsFinite(row[0]) || row[0] < 0 || row[0] != Math.Floor(row[0]))
            throw DataFormatException.At(path, $"epoch '{fields[0].Trim()}' is not a whole number", line);
        return row;
    }
}
