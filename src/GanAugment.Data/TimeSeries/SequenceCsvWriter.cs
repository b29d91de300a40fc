using GanAugment.Data.Tables;
using GanAugment.Data.Writers;

namespace GanAugment.Data.TimeSeries;

/// <summary>
/// Writes a <see cref="SequenceDataset"/> as CSV that <see cref="SequenceCsvReader"/> reads back
/// to the same values, class names, lengths and static attributes: numbers in their shortest float
/// round-trip form, only the real steps of each sequence (see <see cref="SequenceDataset.Lengths"/>),
/// header names and labels quoted where needed. Long form has one row per step: id, time, the
/// features by <see cref="SequenceDataset.FeatureNames"/>, the static attributes by
/// <see cref="SequenceDataset.AttributeNames"/> (the same on every row of a sequence), then the
/// label. Wide form has one row per sequence: "name_t0" for each feature of step 0, then step 1,
/// ..., then the static attributes, then the label; a shorter sequence leaves its last step cells
/// empty. Read attributes back by naming them in <see cref="LongSequenceCsvOptions.AttributeColumns"/>
/// or <see cref="WideSequenceCsvOptions.AttributeColumns"/>; otherwise the long reader takes them for
/// features and the wide one for steps. Files are written whole or not at all (<see cref="AtomicFile"/>).
/// </summary>
/// <remarks>
/// The readers list class names in sorted order, so class indices change on reading back when
/// <see cref="SequenceDataset.ClassNames"/> was not sorted; the name of each sequence's class does not.
/// </remarks>
public static class SequenceCsvWriter
{
    // NOTE: the readers' default missing-value markers; a label or name equal to one is quoted so it reads back as text.
    private static readonly HashSet<string> Markers = new(["", "?", "NA"], StringComparer.Ordinal);

    /// <summary>Writes one row per real step; read back with <see cref="SequenceCsvReader.ReadLong"/>.</summary>
    public static void WriteLong(SequenceDataset data, string path, SequenceCsvWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new SequenceCsvWriteOptions();
        var f = data.Features;
        Write(data, path, options, [options.IdColumn, options.TimeColumn, .. data.FeatureNames], i =>
            Enumerable.Range(0, data.Lengths[i]).Select(t => new[] { Integer(i), Integer(t) }.Concat(Values(data, i, t * f, f))));
    }

    /// <summary>
    /// Writes one row per sequence; read back with <see cref="SequenceCsvReader.ReadWide"/> and
    /// <see cref="WideSequenceCsvOptions.FeaturesPerStep"/> = F (and padding allowed when lengths differ).
    /// </summary>
    public static void WriteWide(SequenceDataset data, string path, SequenceCsvWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new SequenceCsvWriteOptions();
        var columns = Enumerable.Range(0, data.Length).SelectMany(t => data.FeatureNames.Select(name => $"{name}_t{t}")).ToArray();
        Write(data, path, options, columns, i =>
        {
            var real = data.Lengths[i] * data.Features;
            return [Values(data, i, 0, real).Concat(Enumerable.Repeat("", data.SequenceSize - real))];
        });
    }

    private static IEnumerable<string> Values(SequenceDataset data, int sequence, int start, int count) =>
        Numbers(data.Values, sequence * data.SequenceSize + start, count);

    private static IEnumerable<string> Attributes(SequenceDataset data, int sequence) =>
        data.Attributes is null ? [] : Numbers(data.Attributes, sequence * data.AttributeCount, data.AttributeCount);

    private static IEnumerable<string> Numbers(float[] values, int start, int count) =>
        new ArraySegment<float>(values, start, count).Select(InvariantNumber.Format);

    private static string Integer(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes the header (plus the attribute and label columns) and, per sequence, its rows each
    /// followed by its attributes and label.
    /// </summary>
    private static void Write(SequenceDataset data, string path, SequenceCsvWriteOptions options, string[] columns,
        Func<int, IEnumerable<IEnumerable<string>>> rows)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var d = options.Delimiter;
        CsvTokenizer.Validate(d);
        string[] header = data.HasLabels ? [.. columns, .. data.AttributeNames, options.LabelColumn] : [.. columns, .. data.AttributeNames];
        var twice = header.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new ArgumentException($"column name '{twice.Key}' would be written twice; rename it in the options or the feature or attribute names", nameof(options));
        AtomicFile.WriteText(path, writer =>
        {
            CsvTableWriter.WriteRow(writer, header.Select(h => CsvTableWriter.Quote(h, d, Markers)), d);
            for (var i = 0; i < data.Count; i++)
            {
                string[] label = data.HasLabels ? [CsvTableWriter.Quote(data.ClassNames[data.Labels![i]], d, Markers)] : [];
                string[] tail = [.. Attributes(data, i), .. label];
                foreach (var row in rows(i)) CsvTableWriter.WriteRow(writer, row.Concat(tail), d);
            }
        });
    }
}
