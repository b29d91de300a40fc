using GanAugment.Data.Tables;

namespace GanAugment.Data.TimeSeries;

/// <summary>
/// Collects parsed sequences (steps × F values, an optional label, the static attributes when
/// <paramref name="attributeNames"/> is given, the line where each starts) and assembles a
/// <see cref="SequenceDataset"/>, rejecting or padding ragged lengths. Feature names are the
/// reader's, or the defaults when null.
/// </summary>
internal sealed class SequenceBuilder(string file, int features, bool labelled, IReadOnlyList<string>? featureNames,
    IReadOnlyList<string>? attributeNames = null)
{
    private readonly List<(float[] Values, string? Label, float[]? Attributes, long Line)> _sequences = [];

    public int Count => _sequences.Count;

    public void Add(float[] values, string? label, long line, float[]? attributes = null)
    {
        if (labelled && label is null) throw DataFormatException.At(file, "the sequence has no label", line);
        if (attributes?.Length != attributeNames?.Count)
            throw new ArgumentException($"{attributes?.Length ?? 0} attributes for {attributeNames?.Count ?? 0} names", nameof(attributes));
        _sequences.Add((values, label, attributes, line));
    }

    public SequenceDataset Build(RaggedSequences ragged, float padValue, long maxPaddedValues = long.MaxValue)
    {
        if (_sequences.Count == 0) throw DataFormatException.At(file, "the file holds no sequences");
        var length = _sequences.Max(s => s.Values.Length) / features;
        if (ragged == RaggedSequences.Reject)
            foreach (var s in _sequences)
                if (s.Values.Length / features < length)
                    throw DataFormatException.At(file, $"sequence has {s.Values.Length / features} steps but the longest has {length} (pad ragged sequences by option)", s.Line);
        var total = (long)_sequences.Count * length * features;
        if (total > Math.Min(maxPaddedValues, Array.MaxLength))
            throw DataFormatException.At(file, $"{_sequences.Count} sequences padded to {length} steps would hold {total} values, more than the limit of {Math.Min(maxPaddedValues, Array.MaxLength)}");

        var values = new float[total];
        values.AsSpan().Fill(padValue);
        var lengths = new int[_sequences.Count];
        for (var i = 0; i < _sequences.Count; i++)
        {
            _sequences[i].Values.CopyTo(values, (long)i * length * features);
            lengths[i] = _sequences[i].Values.Length / features;
        }
        var attributes = attributeNames is null ? null : _sequences.SelectMany(s => s.Attributes!).ToArray();
        if (!labelled)
            return new SequenceDataset(values, _sequences.Count, length, features, lengths: lengths, featureNames: featureNames,
                attributes: attributes, attributeNames: attributeNames);
        var classNames = ColumnInference.SortedCategories(_sequences.Select(s => s.Label));
        var index = classNames.Select((name, k) => (name, k)).ToDictionary(p => p.name, p => p.k, StringComparer.Ordinal);
        var labels = _sequences.Select(s => index[s.Label!]).ToArray();
        return new SequenceDataset(values, _sequences.Count, length, features, labels, classNames, lengths, featureNames, attributes, attributeNames);
    }
}
