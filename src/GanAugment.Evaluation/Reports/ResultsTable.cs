using GanAugment.Data.Writers;
using GanAugment.Data.Writers.Charts;
using System.Globalization;
using System.Text;
using GanAugment.Evaluation.Statistics;

namespace GanAugment.Evaluation.Reports;

/// <summary>
/// Method × metric results (mean ± std over runs, optional p-values), rendered as CSV for
/// tools and as a Markdown table for people. Methods and metrics keep the order they were
/// first added in.
/// </summary>
public sealed class ResultsTable
{
    private const string CsvHeader = "method,metric,mean,std,n,p_value";

    private readonly List<string> _methods = [];
    private readonly List<string> _metrics = [];
    private readonly Dictionary<(string Method, string Metric), ResultCell> _cells = [];

    public IReadOnlyList<string> Methods => _methods;

    public IReadOnlyList<string> Metrics => _metrics;

    /// <summary>The cell of (<paramref name="method"/>, <paramref name="metric"/>), or null if never set.</summary>
    public ResultCell? this[string method, string metric] =>
        _cells.TryGetValue((method, metric), out var cell) ? cell : null;

    /// <summary>Sets (or replaces) a cell.</summary>
    public void Set(string method, string metric, Summary value, double? pValue = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(metric);
        if (!_methods.Contains(method))
        {
            _methods.Add(method);
        }

        if (!_metrics.Contains(metric))
        {
            _metrics.Add(metric);
        }

        _cells[(method, metric)] = new ResultCell(value, pValue);
    }

    /// <summary>
    /// Sets each other method's p-value to that of a <see cref="WelchTTest"/> against
    /// <paramref name="baseline"/> on the same metric, where both cells have at least two runs
    /// (other cells keep their p-value).
    /// </summary>
    /// <exception cref="ArgumentException">The baseline is not in the table.</exception>
    public void CompareWith(string baseline)
    {
        if (!_methods.Contains(baseline))
        {
            throw new ArgumentException($"ResultsTable: baseline '{baseline}' is not one of the methods.", nameof(baseline));
        }

        foreach (var metric in _metrics)
        {
            if (this[baseline, metric] is not { } reference || reference.Value.Count < 2)
            {
                continue;
            }

            foreach (var method in _methods)
            {
                if (method != baseline && this[method, metric] is { } cell && cell.Value.Count >= 2)
                {
                    _cells[(method, metric)] = cell with { PValue = WelchTTest.Compute(cell.Value, reference.Value).PValue };
                }
            }
        }
    }

    /// <summary>
    /// Long-form CSV, one row per cell: <c>method,metric,mean,std,n,p_value</c>, numbers in the
    /// invariant culture at round-trip precision, an undefined std or missing p-value as an empty
    /// field, RFC 4180 quoting, LF line ends.
    /// </summary>
    public string ToCsv()
    {
        var text = new StringBuilder(CsvHeader).Append('\n');
        foreach (var (method, metric, cell) in Cells())
        {
            text.Append(CsvField(method)).Append(',')
                .Append(CsvField(metric)).Append(',')
                .Append(Number(cell.Value.Mean)).Append(',')
                .Append(Number(cell.Value.StandardDeviation)).Append(',')
                .Append(cell.Value.Count.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(cell.PValue is { } p ? Number(p) : "")
                .Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// A Markdown table, a row per method and a column per metric, cells as
    /// <c>mean ± std (p=…)</c> with <paramref name="decimals"/> decimals; p-values below 0.001
    /// print as <c>p&lt;0.001</c>, a missing cell is empty and an undefined std is left out.
    /// </summary>
    public string ToMarkdown(int decimals = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var text = new StringBuilder("| method |");
        foreach (var metric in _metrics)
        {
            text.Append(' ').Append(MarkdownText.Cell(metric)).Append(" |");
        }

        text.Append("\n|---|").Append(string.Concat(Enumerable.Repeat("---:|", _metrics.Count))).Append('\n');
        foreach (var method in _methods)
        {
            text.Append("| ").Append(MarkdownText.Cell(method)).Append(" |");
            foreach (var metric in _metrics)
            {
                var cell = this[method, metric] is { } c ? MarkdownCell(c, decimals) : "";
                text.Append(' ').Append(cell).Append(" |");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Writes <see cref="ToCsv"/> through <c>path.tmp</c>.</summary>
    /// <exception cref="GanAugment.Data.DataFormatException">The file cannot be written.</exception>
    public void SaveCsv(string path) => ReportFile.WriteAllText(path, ToCsv());

    /// <summary>Writes <see cref="ToMarkdown"/> through <c>path.tmp</c>.</summary>
    /// <exception cref="GanAugment.Data.DataFormatException">The file cannot be written.</exception>
    public void SaveMarkdown(string path, int decimals = 4) => ReportFile.WriteAllText(path, ToMarkdown(decimals));

    private IEnumerable<(string Method, string Metric, ResultCell Cell)> Cells()
    {
        foreach (var method in _methods)
        {
            foreach (var metric in _metrics)
            {
                if (this[method, metric] is { } cell)
                {
                    yield return (method, metric, cell);
                }
            }
        }
    }

    private static string MarkdownCell(ResultCell cell, int decimals)
    {
        var format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        var text = cell.Value.Mean.ToString(format, CultureInfo.InvariantCulture);
        if (!double.IsNaN(cell.Value.StandardDeviation))
        {
            text += " ± " + cell.Value.StandardDeviation.ToString(format, CultureInfo.InvariantCulture);
        }

        if (cell.PValue is { } p)
        {
            text += p < 0.001 ? " (p<0.001)" : $" (p={p.ToString("F3", CultureInfo.InvariantCulture)})";
        }

        return text;
    }

    private static string Number(double value) =>
        double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string CsvField(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
