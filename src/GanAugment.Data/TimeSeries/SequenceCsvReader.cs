using GanAugment.Data.Tables;

namespace GanAugment.Data.TimeSeries;

/// <summary>
/// Reads sequences from CSV files into a <see cref="SequenceDataset"/>, in wide form (one
/// sequence per row) or long form (one step per row with an id column). Values must be
/// invariant-culture numbers; bad input is a <see cref="DataFormatException"/> naming the file
/// and line. Long files name the features by their value columns; wide files do when the columns
/// of the first step are named "name_t0" (as <see cref="SequenceCsvWriter.WriteWide"/> writes them).
/// Columns named as static attributes become <see cref="SequenceDataset.Attributes"/>, named by
/// their columns in the options' order.
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
        var attributes = RequireAttributes(doc, options.AttributeColumns, [(label, "the label column"), .. ignored.Select(j => (j, "a column to ignore"))]);
        var steps = Enumerable.Range(0, doc.Names.Length).Where(j => j != label && !ignored.Contains(j) && !attributes.Contains(j)).ToArray();
        var f = options.FeaturesPerStep;
        if (steps.Length == 0 || steps.Length % f != 0)
            throw DataFormatException.At(path, $"{steps.Length} value columns do not make whole steps of {f} features");

        var builder = new SequenceBuilder(path, f, label >= 0, WideFeatureNames(doc, steps[..f]), AttributeNames(doc, attributes));
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
            builder.Add(values, label < 0 ? null : LabelText(row.Fields[label], missing), row.Line, SequenceAttributes(doc, [row], attributes, missing));
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
        var chosen = options.ValueColumns?.Select(name => doc.Require(name, "value column")).ToArray();
        var attributes = RequireAttributes(doc, options.AttributeColumns,
            [(id, "the id column"), (time, "the time column"), (label, "the label column"), .. (chosen ?? []).Select(j => (j, "a value column"))]);
        var features = chosen
            ?? Enumerable.Range(0, doc.Names.Length).Where(j => j != id && j != time && j != label && !attributes.Contains(j)).ToArray();
        if (features.Length == 0) throw DataFormatException.At(path, "no value columns are left besides the id, time, label and attribute columns");

        var builder = new SequenceBuilder(path, features.Length, label >= 0, features.Select(j => doc.Names[j]).ToArray(), AttributeNames(doc, attributes));
        foreach (var rows in GroupById(doc, id, missing))
        {
            var ordered = time < 0 ? rows : OrderByTime(doc, rows, time, missing);
            var values = new float[ordered.Count * features.Length];
            for (var s = 0; s < ordered.Count; s++)
                for (var k = 0; k < features.Length; k++)
                    values[s * features.Length + k] = ParseValue(doc, ordered[s], features[k], missing, "a missing value");
            builder.Add(values, label < 0 ? null : SequenceLabel(doc, ordered, label, missing), rows[0].Line,
                SequenceAttributes(doc, ordered, attributes, missing));
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

    /// <summary>
    /// The columns of the static attributes <paramref name="names"/>, in that order; an error when
    /// one is named twice or also has one of the <paramref name="taken"/> roles (column -1: unused).
    /// </summary>
    private static int[] RequireAttributes(CsvDocument doc, IReadOnlyList<string> names, IEnumerable<(int Column, string Role)> taken)
    {
        var columns = names.Select(name => doc.Require(name, "attribute column")).ToArray();
        var twice = columns.GroupBy(j => j).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw DataFormatException.At(doc.File, $"the static attribute '{doc.Names[twice.Key]}' is named twice");
        foreach (var (column, role) in taken)
            if (column >= 0 && columns.Contains(column))
                throw DataFormatException.At(doc.File, $"column '{doc.Names[column]}' is both a static attribute and {role}");
        return columns;
    }

    private static string[]? AttributeNames(CsvDocument doc, int[] attributes) =>
        attributes.Length == 0 ? null : attributes.Select(j => doc.Names[j]).ToArray();

    /// <summary>The static attributes of a sequence, which must hold the same number on each of its rows; null when there are none.</summary>
    private static float[]? SequenceAttributes(CsvDocument doc, List<CsvRecord> rows, int[] attributes, HashSet<string> missing)
    {
        if (attributes.Length == 0) return null;
        var first = attributes.Select(j => ParseAttribute(doc, rows[0], j, missing)).ToArray();
        foreach (var row in rows.Skip(1))
            for (var k = 0; k < attributes.Length; k++)
                if (ParseAttribute(doc, row, attributes[k], missing) != first[k])
                    throw DataFormatException.At(doc.File,
                        $"the static attribute '{doc.Names[attributes[k]]}' changes within a sequence (was '{ColumnInference.Shorten(rows[0].Fields[attributes[k]].Text)}')", row.Line);
        return first;
    }

    private static string? LabelText(CsvField field, HashSet<string> missing) =>
        ColumnInference.IsMissing(field, missing) ? null : field.Text;

    private static float ParseValue(CsvDocument doc, CsvRecord row, int column, HashSet<string> missing, string whatMissing)
    {
        if (ColumnInference.IsMissing(row.Fields[column], missing))
            throw DataFormatException.At(doc.File, $"{whatMissing} in column '{doc.Names[column]}'", row.Line);
        return ParseNumber(doc, row, column);
    }

    private static float ParseAttribute(CsvDocument doc, CsvRecord row, int column, HashSet<string> missing)
    {
        if (ColumnInference.IsMissing(row.Fields[column], missing))
            throw DataFormatException.At(doc.File, $"the static attribute '{doc.Names[column]}' is empty", row.Line);
        return ParseNumber(doc, row, column);
    }

    /// <summary>The finite number in a field that is not missing.</summary>
    private static float ParseNumber(CsvDocument doc, CsvRecord row, int column)
    {
        var field = row.Fields[column];
        if (!InvariantNumber.TryParse(field.Text, out var value) || !float.IsFinite((float)value))
            throw DataFormatException.At(doc.File, $"column '{doc.Names[column]}' holds '{ColumnInference.Shorten(field.Text)}', not a number", row.Line);
        return (float)value;
    }
}
