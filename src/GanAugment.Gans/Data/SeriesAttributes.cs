using GanAugment.Data.TimeSeries;
using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>
/// The static attributes of a sequence set (numbers fixed per series: a patient's age, a wave's
/// frequency), as a model conditioned on them needs them: their names, the range each is scaled
/// from into [-1, 1], and the training vectors in the input's units with their classes. A model
/// asked for series without attribute values draws them from these vectors, one real series'
/// vector per sample (of the sample's class when the model is conditional), so that the
/// attributes of generated series are as the data's are, correlations included.
/// </summary>
/// <param name="Values">The training vectors, N·A, vector i at [i·A, (i+1)·A).</param>
/// <param name="Labels">The class of each training vector, or null for unlabelled series.</param>
public sealed record SeriesAttributes(IReadOnlyList<string> Names, float[] Min, float[] Max, float[] Values, int[]? Labels)
{
    /// <summary>A, the number of attributes.</summary>
    public int Count => Names.Count;

    /// <summary>The attributes of <paramref name="sequences"/>, or null when it has none.</summary>
    public static SeriesAttributes? Of(SequenceDataset sequences)
    {
        if (sequences.Attributes is not { } values) return null;
        var a = sequences.AttributeCount;
        var (min, max) = (new float[a], new float[a]);
        for (var k = 0; k < a; k++)
        {
            (min[k], max[k]) = (float.PositiveInfinity, float.NegativeInfinity);
            for (var i = 0; i < sequences.Count; i++)
                (min[k], max[k]) = (Math.Min(min[k], values[i * a + k]), Math.Max(max[k], values[i * a + k]));
        }
        return new SeriesAttributes(sequences.AttributeNames, min, max, (float[])values.Clone(), sequences.Labels is { } y ? (int[])y.Clone() : null);
    }

    /// <summary>Vectors in the input's units, N·A, scaled into [-1, 1] by the training range (a constant attribute becomes 0): [N, A].</summary>
    public Tensor Scale(ReadOnlySpan<float> values)
    {
        var scaled = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var k = i % Count;
            var span = Max[k] - Min[k];
            scaled[i] = span > 0 ? 2f * (values[i] - Min[k]) / span - 1f : 0f;
        }
        return Tensor.Wrap(scaled, [values.Length / Count, Count]);
    }

    /// <summary>Scaled vectors [N, A] back to the input's units, N·A (the inverse of <see cref="Scale"/>).</summary>
    public float[] Unscale(Tensor scaled)
    {
        var values = scaled.ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            var k = i % Count;
            values[i] = Min[k] + (values[i] + 1f) * 0.5f * (Max[k] - Min[k]);
        }
        return values;
    }

    /// <summary>
    /// One vector per sample, scaled [N, A]: the vector of a training series drawn uniformly from
    /// <paramref name="rng"/> (among those of the sample's class when <paramref name="labels"/>
    /// is given), with every attribute named in <paramref name="fixedValues"/> set to its value.
    /// An unknown name is an <see cref="ArgumentException"/> naming the attributes there are.
    /// </summary>
    public Tensor Draw(int count, int[]? labels, Rng rng, IReadOnlyList<(string Name, float Value)>? fixedValues = null)
    {
        var fixes = (fixedValues ?? []).Select(f => (Column: IndexOf(f.Name), f.Value)).ToArray();
        var all = Enumerable.Range(0, Values.Length / Count).ToArray();
        var byClass = labels is null || Labels is null ? null : all.GroupBy(i => Labels[i]).ToDictionary(g => g.Key, g => g.ToArray());
        var drawn = new float[count * Count];
        for (var s = 0; s < count; s++)
        {
            var pool = byClass is null ? all
                : byClass.TryGetValue(labels![s], out var ofClass) ? ofClass
                : throw new ArgumentException($"no training series of class {labels![s]} to draw static attributes from");
            Values.AsSpan(pool[rng.NextInt(pool.Length)] * Count, Count).CopyTo(drawn.AsSpan(s * Count, Count));
            foreach (var (column, value) in fixes) drawn[s * Count + column] = value;
        }
        return Scale(drawn);
    }

    /// <summary>The position of attribute <paramref name="name"/>; an unknown name is an <see cref="ArgumentException"/> naming the attributes there are.</summary>
    public int IndexOf(string name)
    {
        for (var k = 0; k < Count; k++)
            if (Names[k] == name) return k;
        throw new ArgumentException($"no static attribute '{name}'; the attributes are: {string.Join(", ", Names)}");
    }
}
