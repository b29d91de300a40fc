using GanAugment.Data.Tables;

namespace GanAugment.Data.TimeSeries;

/// <summary>
/// Reads sequences from CSV files into a <see cref="SequenceDataset"/>, in wide form (one
/// sequence per row) or long form (one step per row with an id column). Values must be
/// invariant-culture numbers; bad input is a <see cref="DataFormatException"/> naming the file
/// and line. Long files name the features by their value columns; wide files do when the columns
/// of the first step are named "name_t0" (as <see cref="SequenceCsvWriter.WriteWide"/> writes them).
/// </summary>
public static class SequenceCsvReader
{
    public static SequenceDataset ReadWide(string path, WideSequenceCsvOptions? options = null)
    {
        options ??= new WideSequenceCsvOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.FeaturesPerStep, 1);
        var doc = CsvDocument.Load(path, options.Delimiter, options.HasHeader, options.SkipLines, options.TrimWhitespace);
        var missing = new HashSet<string>(options.MissingValues, StringComparer.Ordinal);
        var label = options.LabelColumn is null ? -1 : doc.Require(options.LabelColumn, "label column");
        var ignored = options.IgnoreColumns.Select(name => doc.Require(name, "column to ignore")).ToHashSet();
        var steps = Enumerable.Range(0, doc.Names.Length).Where(j => j != label && !ignored.Contains(j)).ToArray();
        var f = options.FeaturesPerStep;
        if (steps.Length == 0 || steps.Length % f != 0)
            throw DataFormatException.At(path, $"{steps.Length} value columns do not make whole steps of {f} features");

        var builder = new SequenceBuilder(path, f, label >= 0, WideFeatureNames(doc, steps[..f]));
        foreach (var row in doc.Rows)
        {
            var last = steps.Length - 1;
            while (last >= 0 && ColumnInference.IsMissing(row.Fields[steps[last]], missing)) last--;
            if (last < 0) throw DataFormatException.At(path, "the row holds no values", row.Line);
            if ((last + 1) % f != 0)
                throw DataFormatException.At(path, $"the last step has {(last + 1) % f} of {f} features", row.Line);
            var values = new float[last + 1];
            for (var k = 0; k <= last; k++)
                values[k] = ParseValue(doc, row, steps[k], missing, "a gap in the middle of the sequence");
            builder.Add(values, label < 0 ? null : LabelText(row.Fields[label], missing), row.Line);
        }
        return builder.Build(options.Ragged, options.PadValue);
    }

    public static SequenceDataset ReadLong(string path, LongSequenceCsvOptions? options = null)
    {
        options ??= new LongSequenceCsvOptions();
        var doc = CsvDocument.Load(path, options.Delimiter, options.HasHeader, options.SkipLines, options.TrimWhitespace);
        var missing = new HashSet<string>(options.MissingValues, StringComparer.Ordinal);
        var id = options.IdColumn is null ? -1 : doc.Require(options.IdColumn, "id column");
        var time = options.TimeColumn is null ? -1 : doc.Require(options.TimeColumn, "time column");
        var label = options.LabelColumn is null ? -1 : doc.Require(options.LabelColumn, "label column");
        var features = options.ValueColumns?.Select(name => doc.Require(name, "value column")).ToArray()
            ?? Enumerable.Range(0, doc.Names.Length).Where(j => j != id && j != time && j != label).ToArray();
        if (features.Length == 0) throw DataFormatException.At(path, "no value columns are left besides the id, time and label columns");

        var builder = new SequenceBuilder(path, features.Length, label >= 0, features.Select(j => doc.Names[j]).ToArray());
        foreach (var rows in GroupById(doc, id, missing))
        {
            var ordered = time < 0 ? rows : OrderByTime(doc, rows, time, missing);
            var values = new float[ordered.Count * features.Length];
            for (var s = 0; s < ordered.Count; s++)
                for (var k = 0; k < features.Length; k++)
                    values[s * features.Length + k] = ParseValue(doc, ordered[s], features[k], missing, "a missing value");
            builder.Add(values, label < 0 ? null : SequenceLabel(doc, ordered, label, missing), rows[0].Line);
        }
        return builder.Build(options.Ragged, options.PadValue, options.MaxPaddedValues);
    }

    /// <summary>"x" and "y" for first-step columns "x_t0" and "y_t0"; null when they are not all so named.</summary>
    private static string[]? WideFeatureNames(CsvDocument doc, int[] firstStep)
    {
        const string Suffix = "_t0";
        var names = firstStep.Select(j => doc.Names[j]).ToArray();
        if (!names.All(n => n.Length > Suffix.Length && n.EndsWith(Suffix, StringComparison.Ordinal))) return null;
        names = names.Select(n => n[..^Suffix.Length]).ToArray();
        return names.Distinct(StringComparer.Ordinal).Count() == names.Length ? names : null;
    }

    private static List<List<CsvRecord>> GroupById(CsvDocument doc, int id, HashSet<string> missing)
    {
        if (id < 0) return [doc.Rows];
        var groups = new Dictionary<string, List<CsvRecord>>(StringComparer.Ordinal);
        var order = new List<List<CsvRecord>>();
        foreach (var row in doc.Rows)
        {
            var field = row.Fields[id];
            if (ColumnInference.IsMissing(field, missing))
                throw DataFormatException.At(doc.File, $"the id column '{doc.Names[id]}' is empty", row.Line);
            if (!groups.TryGetValue(field.Text, out var group))
            {
                groups.Add(field.Text, group = []);
                order.Add(group);
            }
            group.Add(row);
        }
        return order;
    }

    private static List<CsvRecord> OrderByTime(CsvDocument doc, List<CsvRecord> rows, int time, HashSet<string> missing)
    {
        foreach (var row in rows)
            if (ColumnInference.IsMissing(row.Fields[time], missing))
                throw DataFormatException.At(doc.File, $"the time column '{doc.Names[time]}' is empty", row.Line);
        var numbers = new double[rows.Count];
        var numeric = true;
        for (var i = 0; i < rows.Count && numeric; i++)
            numeric = InvariantNumber.TryParse(rows[i].Fields[time].Text, out numbers[i]);
        var order = Enumerable.Range(0, rows.Count).ToArray();
        var sorted = numeric
            ? order.OrderBy(i => numbers[i]).ToArray()
            : order.OrderBy(i => rows[i].Fields[time].Text, StringComparer.Ordinal).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            var same = numeric ? numbers[sorted[i]] == numbers[sorted[i - 1]] : rows[sorted[i]].Fields[time].Text == rows[sorted[i - 1]].Fields[time].Text;
            if (same)
                throw DataFormatException.At(doc.File, $"time '{ColumnInference.Shorten(rows[sorted[i]].Fields[time].Text)}' repeats within a sequence", rows[Math.Max(sorted[i], sorted[i - 1])].Line);
        }
        return sorted.Select(i => rows[i]).ToList();
    }

    private static string SequenceLabel(CsvDocument doc, List<CsvRecord> rows, int label, HashSet<string> missing)
    {
        var first = LabelText(rows[0].Fields[label], missing) ?? throw DataFormatException.At(doc.File, "the label is empty", rows[0].Line);
        foreach (var row in rows)
            if (LabelText(row.Fields[label], missing) != first)
                throw DataFormatException.At(doc.File, $"the label changes within a sequence (was '{ColumnInference.Shorten(first)}')", row.Line);
        return first;
    }

    private static string? LabelText(CsvField field, HashSet<string> missing) =>
        ColumnInference.IsMissing(field, missing) ? null : field.Text;

    private static float ParseValue(CsvDocument doc, CsvRecord row, int column, HashSet<string> missing, string whatMissing)
    {
        var field = row.Fields[column];
        if (ColumnInference.IsMissing(field, missing))
            throw DataFormatException.At(doc.File, $"{whatMissing} in column '{doc.Names[column]}'", row.Line);
        if (!InvariantNumber.TryParse(field.Text, out var value) || !float.IsFinite((float)value))
            throw DataFormatException.At(doc.File, $"column '{doc.Names[column]}' holds '{ColumnInference.Shorten(field.Text)}', not a number", row.Line);
        return (float)value;
    }
}
