using GanAugment.Data.Writers;

namespace GanAugment.Data.TimeSeries;

/// <summary>
/// Per-feature min-max scaling of sequences into a generator's output range:
/// y = lo + (hi - lo)(x - min_f)/(max_f - min_f), with [lo, hi] = [-1, 1] for
/// <see cref="PixelRange.MinusOneToOne"/> (tanh outputs, as TimeGAN and RCGAN scale their data)
/// or [0, 1] for <see cref="PixelRange.ZeroToOne"/>; a constant feature (max_f = min_f) uses a
/// span of 1, so it maps to lo and back. min_f and max_f are fitted over the real steps of every
/// sequence (see <see cref="SequenceDataset.Lengths"/>); transforming scales every value,
/// padding included, without clipping. <see cref="ToJson"/> and <see cref="FromJson"/> save and
/// load the fitted scaler.
/// </summary>
public sealed class SequenceScaler
{
    private const int Format = 1;

    private readonly float[] _min;
    private readonly float[] _max;

    private SequenceScaler(float[] min, float[] max, PixelRange range, IReadOnlyList<string> featureNames)
    {
        _min = min;
        _max = max;
        Range = range;
        FeatureNames = featureNames;
    }

    /// <summary>The output range.</summary>
    public PixelRange Range { get; }

    /// <summary>The names of the features it was fitted on.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>F, the number of features.</summary>
    public int Features => _min.Length;

    /// <summary>Smallest real value per feature.</summary>
    public IReadOnlyList<float> Min => _min;

    /// <summary>Largest real value per feature.</summary>
    public IReadOnlyList<float> Max => _max;

    /// <summary>Fits min_f and max_f over the real steps of <paramref name="data"/> (at least one sequence).</summary>
    public static SequenceScaler Fit(SequenceDataset data, PixelRange range = PixelRange.MinusOneToOne)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0) throw new ArgumentException("cannot fit a scaler on no sequences", nameof(data));
        var f = data.Features;
        var min = Enumerable.Repeat(float.PositiveInfinity, f).ToArray();
        var max = Enumerable.Repeat(float.NegativeInfinity, f).ToArray();
        for (var i = 0; i < data.Count; i++)
        {
            var real = data.Sequence(i)[..(data.Lengths[i] * f)];
            for (var k = 0; k < real.Length; k++)
            {
                min[k % f] = Math.Min(min[k % f], real[k]);
                max[k % f] = Math.Max(max[k % f], real[k]);
            }
        }
        Bounds(range);
        return new SequenceScaler(min, max, range, data.FeatureNames);
    }

    /// <summary>Scales <paramref name="source"/> (steps of F values, features innermost) into <paramref name="destination"/>.</summary>
    public void Transform(ReadOnlySpan<float> source, Span<float> destination) => Map(source, destination, inverse: false);

    /// <summary>Undoes <see cref="Transform(ReadOnlySpan{float}, Span{float})"/>: y back to x.</summary>
    public void InverseTransform(ReadOnlySpan<float> source, Span<float> destination) => Map(source, destination, inverse: true);

    /// <summary>A scaled copy of <paramref name="data"/> with the same labels, lengths and names.</summary>
    public SequenceDataset Transform(SequenceDataset data) => Map(data, inverse: false);

    /// <summary>An unscaled copy of <paramref name="data"/> (e.g. generated sequences) with the same labels, lengths and names.</summary>
    public SequenceDataset InverseTransform(SequenceDataset data) => Map(data, inverse: true);

    /// <summary>The fitted scaler as indented JSON: range, feature names, min and max per feature.</summary>
    public string ToJson() => DataJson.Write(new SequenceScalerState(Format, Range, [.. FeatureNames], _min, _max));

    /// <summary>Loads a scaler written by <see cref="ToJson"/>; bad JSON is a <see cref="DataFormatException"/> naming <paramref name="source"/>.</summary>
    public static SequenceScaler FromJson(string json, string source = "scaler JSON")
    {
        var state = DataJson.Read<SequenceScalerState>(json, source, "a sequence scaler");
        DataJson.CheckFormat(state.Format, Format, source, "scaler");
        var f = state.Min.Length;
        if (f == 0 || state.Max.Length != f || state.FeatureNames.Length != f)
            throw DataFormatException.At(source, $"a scaler needs as many (at least one) feature names, min and max values, got {state.FeatureNames.Length}, {f} and {state.Max.Length}");
        if (state.FeatureNames.Any(string.IsNullOrEmpty) || state.FeatureNames.Distinct(StringComparer.Ordinal).Count() != f)
            throw DataFormatException.At(source, "feature names must be non-empty and distinct");
        for (var k = 0; k < f; k++)
            if (!float.IsFinite(state.Min[k]) || !(state.Min[k] <= state.Max[k]) || !float.IsFinite(state.Max[k]))
                throw DataFormatException.At(source, $"feature {k} has range [{state.Min[k]}, {state.Max[k]}], not a finite interval");
        return new SequenceScaler(state.Min, state.Max, state.Range, state.FeatureNames);
    }

    private SequenceDataset Map(SequenceDataset data, bool inverse)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Features != Features) throw new ArgumentException($"the scaler was fitted on {Features} features, the sequences have {data.Features}", nameof(data));
        var values = new float[data.Values.Length];
        Map(data.Values, values, inverse);
        return data.WithValues(values);
    }

    private void Map(ReadOnlySpan<float> source, Span<float> destination, bool inverse)
    {
        var f = Features;
        if (source.Length % f != 0) throw new ArgumentException($"{source.Length} values are not whole steps of {f} features");
        if (destination.Length != source.Length) throw new ArgumentException($"destination needs {source.Length} values, has {destination.Length}", nameof(destination));
        var (lo, hi) = Bounds(Range);
        for (var i = 0; i < source.Length; i++)
        {
            var k = i % f;
            double min = _min[k], span = _max[k] > _min[k] ? (double)_max[k] - _min[k] : 1.0;
            destination[i] = inverse
                ? (float)(min + (source[i] - lo) / (hi - lo) * span)
                : (float)(lo + (hi - lo) * (source[i] - min) / span);
        }
    }

    private static (double Lo, double Hi) Bounds(PixelRange range) => range switch
    {
        PixelRange.MinusOneToOne => (-1, 1),
        PixelRange.ZeroToOne => (0, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(range), range, "unknown range"),
    };
}

/// <summary>A <see cref="SequenceScaler"/> as stored in JSON.</summary>
internal sealed record SequenceScalerState(int Format, PixelRange Range, string[] FeatureNames, float[] Min, float[] Max);
