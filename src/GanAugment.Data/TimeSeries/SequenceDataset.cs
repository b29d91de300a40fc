namespace GanAugment.Data.TimeSeries;

/// <summary>
/// An in-memory set of N sequences of T steps with F features each, as floats in N·T·F order
/// (sequence i is the contiguous slice [i·T·F, (i+1)·T·F), step t of it [t·F, (t+1)·F)), with
/// optional class labels and feature names. Sequences shorter than T were padded;
/// <see cref="Lengths"/> holds each sequence's real number of steps. A sequence may carry a
/// vector of A static attributes (numbers that do not change over its steps: a patient's age, a
/// station's altitude, a wave's frequency), N·A floats in <see cref="Attributes"/>.
/// </summary>
public sealed class SequenceDataset
{
    public SequenceDataset(float[] values, int count, int length, int features,
        int[]? labels = null, IReadOnlyList<string>? classNames = null, int[]? lengths = null,
        IReadOnlyList<string>? featureNames = null, float[]? attributes = null, IReadOnlyList<string>? attributeNames = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (count < 0 || length <= 0 || features <= 0)
            throw new ArgumentException($"sequence shape must be non-negative count and positive length and features, got {count}x{length}x{features}");
        if ((long)count * length * features != values.Length)
            throw new ArgumentException($"{values.Length} values do not hold {count} sequences of {length}x{features}");
        if (labels is null != classNames is null)
            throw new ArgumentException("labels and class names go together");
        if (labels is not null)
        {
            if (labels.Length != count) throw new ArgumentException($"{labels.Length} labels for {count} sequences");
            foreach (var y in labels)
                if ((uint)y >= (uint)classNames!.Count)
                    throw new ArgumentException($"label {y} is out of range for {classNames.Count} classes");
        }
        if (lengths is not null)
        {
            if (lengths.Length != count) throw new ArgumentException($"{lengths.Length} lengths for {count} sequences");
            foreach (var l in lengths)
                if (l <= 0 || l > length) throw new ArgumentException($"sequence length {l} is outside 1..{length}");
        }
        if (featureNames is not null)
        {
            if (featureNames.Count != features) throw new ArgumentException($"{featureNames.Count} feature names for {features} features");
            if (featureNames.Any(string.IsNullOrEmpty) || featureNames.Distinct(StringComparer.Ordinal).Count() != features)
                throw new ArgumentException("feature names must be non-empty and distinct");
        }
        if (attributes is null != attributeNames is null)
            throw new ArgumentException("attributes and attribute names go together");
        if (attributeNames is not null)
        {
            if (attributeNames.Count == 0) throw new ArgumentException("a set with attributes names at least one");
            if (attributeNames.Any(string.IsNullOrEmpty) || attributeNames.Distinct(StringComparer.Ordinal).Count() != attributeNames.Count)
                throw new ArgumentException("attribute names must be non-empty and distinct");
            if ((long)count * attributeNames.Count != attributes!.Length)
                throw new ArgumentException($"{attributes.Length} attribute values do not hold {count} vectors of {attributeNames.Count}");
            foreach (var a in attributes)
                if (!float.IsFinite(a)) throw new ArgumentException("attribute values must be finite");
        }
        Values = values;
        Count = count;
        Length = length;
        Features = features;
        Labels = labels;
        ClassNames = classNames ?? [];
        Lengths = lengths ?? Enumerable.Repeat(length, count).ToArray();
        FeatureNames = featureNames is null ? DefaultFeatureNames(features) : [.. featureNames];
        Attributes = attributes;
        AttributeNames = attributeNames is null ? [] : [.. attributeNames];
    }

    /// <summary>The names "f0" .. "f{F-1}" given to features that a reader or generator did not name.</summary>
    public static IReadOnlyList<string> DefaultFeatureNames(int features) => Enumerable.Range(0, features).Select(k => $"f{k}").ToArray();

    /// <summary>All values, N·T·F.</summary>
    public float[] Values { get; }

    /// <summary>N, the number of sequences.</summary>
    public int Count { get; }

    /// <summary>T, the number of steps per (padded) sequence.</summary>
    public int Length { get; }

    /// <summary>F, the number of features per step.</summary>
    public int Features { get; }

    /// <summary>One name per feature: the column names it was read from, else "f0" .. "f{F-1}".</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Class index per sequence, or null when unlabelled.</summary>
    public int[]? Labels { get; }

    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Real (unpadded) number of steps per sequence.</summary>
    public int[] Lengths { get; }

    /// <summary>The static attributes, N·A (vector i is [i·A, (i+1)·A)), or null when the sequences have none.</summary>
    public float[]? Attributes { get; }

    /// <summary>One name per static attribute; empty when there are none.</summary>
    public IReadOnlyList<string> AttributeNames { get; }

    /// <summary>A, the number of static attributes per sequence (0 when none).</summary>
    public int AttributeCount => AttributeNames.Count;

    public bool HasAttributes => Attributes is not null;

    public bool HasLabels => Labels is not null;

    public int ClassCount => ClassNames.Count;

    public int SequenceSize => Length * Features;

    public ReadOnlySpan<float> Sequence(int index) => Values.AsSpan(index * SequenceSize, SequenceSize);

    /// <summary>The static attribute vector of sequence <paramref name="index"/> (empty when there are none).</summary>
    public ReadOnlySpan<float> AttributesOf(int index) =>
        Attributes is null ? [] : Attributes.AsSpan(index * AttributeCount, AttributeCount);

    /// <summary>
    /// The same sequences keeping only the attributes named, in that order (none when the list is
    /// empty); an unknown name is an <see cref="ArgumentException"/> listing the attributes there are.
    /// </summary>
    public SequenceDataset WithAttributes(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
            return new SequenceDataset(Values, Count, Length, Features, Labels, HasLabels ? ClassNames : null, Lengths, FeatureNames);
        var columns = names.Select(name =>
        {
            var k = AttributeNames.ToList().IndexOf(name);
            return k >= 0 ? k : throw new ArgumentException(HasAttributes
                ? $"no static attribute '{name}'; the attributes are: {string.Join(", ", AttributeNames)}"
                : $"no static attribute '{name}'; the sequences have none");
        }).ToArray();
        var picked = new float[Count * columns.Length];
        for (var i = 0; i < Count; i++)
            for (var j = 0; j < columns.Length; j++)
                picked[i * columns.Length + j] = Attributes![i * AttributeCount + columns[j]];
        return new SequenceDataset(Values, Count, Length, Features, Labels, HasLabels ? ClassNames : null, Lengths, FeatureNames, picked, names);
    }

    /// <summary>Number of sequences per class, indexed by class.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[ClassCount];
        foreach (var y in Labels ?? throw new InvalidOperationException("the sequences are unlabelled")) counts[y]++;
        return counts;
    }

    /// <summary>The same sequences (classes, lengths, names, attributes) with other values of the same shape: scaled ones, say.</summary>
    public SequenceDataset WithValues(float[] values) =>
        new(values, Count, Length, Features, Labels, HasLabels ? ClassNames : null, Lengths, FeatureNames, Attributes, HasAttributes ? AttributeNames : null);

    /// <summary>The same sequences with other classes: <paramref name="labels"/> of <paramref name="classNames"/>, or none when both are null.</summary>
    public SequenceDataset WithLabels(int[]? labels, IReadOnlyList<string>? classNames) =>
        new(Values, Count, Length, Features, labels, classNames, Lengths, FeatureNames, Attributes, HasAttributes ? AttributeNames : null);

    /// <summary>
    /// This set followed by <paramref name="more"/>: both must have the same steps, features,
    /// classes and attribute names (an <see cref="ArgumentException"/> says which differs).
    /// </summary>
    public SequenceDataset Append(SequenceDataset more)
    {
        ArgumentNullException.ThrowIfNull(more);
        if (more.Length != Length || more.Features != Features)
            throw new ArgumentException($"sequences of {more.Length}x{more.Features} cannot follow sequences of {Length}x{Features}");
        if (more.HasLabels != HasLabels || !more.ClassNames.SequenceEqual(ClassNames))
            throw new ArgumentException("the sets have different classes");
        if (!more.AttributeNames.SequenceEqual(AttributeNames))
            throw new ArgumentException($"the sets have different static attributes ({string.Join(", ", AttributeNames)} and {string.Join(", ", more.AttributeNames)})");
        return new SequenceDataset([.. Values, .. more.Values], Count + more.Count, Length, Features,
            HasLabels ? [.. Labels!, .. more.Labels!] : null, HasLabels ? ClassNames : null, [.. Lengths, .. more.Lengths], FeatureNames,
            HasAttributes ? [.. Attributes!, .. more.Attributes!] : null, HasAttributes ? AttributeNames : null);
    }

    /// <summary>A new data set holding the sequences at <paramref name="indices"/>, in that order.</summary>
    public SequenceDataset Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var size = SequenceSize;
        var values = new float[indices.Count * size];
        var labels = Labels is null ? null : new int[indices.Count];
        var lengths = new int[indices.Count];
        var a = AttributeCount;
        var attributes = Attributes is null ? null : new float[indices.Count * a];
        for (var i = 0; i < indices.Count; i++)
        {
            Sequence(indices[i]).CopyTo(values.AsSpan(i * size, size));
            if (labels is not null) labels[i] = Labels![indices[i]];
            lengths[i] = Lengths[indices[i]];
            AttributesOf(indices[i]).CopyTo(attributes.AsSpan(i * a, a));
        }
        return new SequenceDataset(values, indices.Count, Length, Features, labels, Labels is null ? null : ClassNames, lengths, FeatureNames,
            attributes, HasAttributes ? AttributeNames : null);
    }
}
