using GanAugment.Data.TimeSeries;
using GanAugment.Data.Writers;
using GanAugment.Gans.Observers;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>
/// Sequences as training data: N series of T steps × F features, scaled per feature into [-1, 1]
/// (then to the model's range), batches [N, T, F], class labels when the set has them.
/// <see cref="Decode"/> scales generated series back to the input's units.
/// </summary>
public sealed class SequenceData : TrainingData
{
    private readonly float[] _scaled;
    private readonly int _size;
    private readonly float[]? _attributes;

    public SequenceData(SequenceDataset sequences, string format = "long")
    {
        Sequences = sequences;
        Scaler = SequenceScaler.Fit(sequences, PixelRange.MinusOneToOne);
        _scaled = Scaler.Transform(sequences).Values;
        _size = sequences.SequenceSize;
        Spec = new SequenceSpec(sequences.Length, sequences.Features, sequences.FeatureNames, sequences.ClassNames, Scaler.ToJson(), format)
        {
            Attributes = SeriesAttributes.Of(sequences),
        };
        _attributes = Spec.Attributes is { } a ? a.Scale(sequences.Attributes).ToArray() : null;
    }

    public SequenceDataset Sequences { get; }

    public SequenceScaler Scaler { get; }

    public override SequenceSpec Spec { get; }

    public override int Count => Sequences.Count;

    public override int[]? Labels => Sequences.Labels;

    public override RealBatch Batch(ReadOnlySpan<int> indices, PixelRange range, ulong draw)
    {
        var batch = Tensor.Zeros(indices.Length, Sequences.Length, Sequences.Features);
        var values = batch.AsSpan();
        for (var i = 0; i < indices.Length; i++)
        {
            var dst = values.Slice(i * _size, _size);
            _scaled.AsSpan(indices[i] * _size, _size).CopyTo(dst);
            // NOTE: stored in [-1, 1]; a model working in [0, 1] gets (v + 1) / 2.
            if (range == PixelRange.ZeroToOne)
                for (var k = 0; k < dst.Length; k++) dst[k] = (dst[k] + 1f) * 0.5f;
        }
        return new RealBatch(batch, LabelsAt(indices)) { Attributes = _attributes is null ? null : AttributesAt(indices) };
    }

    private Tensor AttributesAt(ReadOnlySpan<int> indices)
    {
        var a = Spec.AttributeCount;
        var picked = Tensor.Zeros(indices.Length, a);
        var values = picked.AsSpan();
        for (var i = 0; i < indices.Length; i++) _attributes.AsSpan(indices[i] * a, a).CopyTo(values.Slice(i * a, a));
        return picked;
    }

    public override ISampleObserver SampleObserver(RunDirectory run, int every) => new SeriesPlotObserver(run, this, every);

    /// <summary>
    /// Generated series [N, T, F] in <paramref name="range"/> back to the input's units, with their
    /// classes (none when <paramref name="labels"/> is null: an unconditional model's series) and
    /// the static attributes they were made with (scaled [N, A]; without them the result has none).
    /// </summary>
    public static SequenceDataset Decode(SequenceSpec spec, ReadOnlySpan<float> series, int[]? labels, PixelRange range, Tensor? attributes = null)
    {
        var scaler = SequenceScaler.FromJson(spec.Scaler, "the run's sequence spec");
        var scaled = series.ToArray();
        if (range == PixelRange.ZeroToOne)
            for (var k = 0; k < scaled.Length; k++) scaled[k] = scaled[k] * 2f - 1f;
        var values = new float[scaled.Length];
        scaler.InverseTransform(scaled, values);
        var count = values.Length / (spec.Length * spec.Features);
        var classes = spec.ClassCount > 0 && labels is not null ? spec.ClassNames : null;
        return new SequenceDataset(values, count, spec.Length, spec.Features, classes is null ? null : labels, classes, featureNames: spec.FeatureNames,
            attributes: attributes is null ? null : spec.Attributes!.Unscale(attributes), attributeNames: attributes is null ? null : spec.Attributes!.Names);
    }

    /// <summary>
    /// <paramref name="count"/> series of <paramref name="model"/> decoded to the input's units:
    /// of the classes <paramref name="labels"/> (null for an unconditional model) and with the static attributes they were made with, those named in
    /// <paramref name="where"/> fixed and the rest drawn by the model. <paramref name="sampler"/>
    /// runs the generator (the model by default, or another engine fed the same inputs).
    /// </summary>
    public static SequenceDataset Sample(GanModel model, int count, int[]? labels, Rng rng,
        IReadOnlyList<(string Name, float Value)>? where = null, Func<int, Rng, Condition?, Tensor>? sampler = null)
    {
        var (series, condition) = Generate(model, count, labels, rng, where, sampler);
        return Decode((SequenceSpec)model.Spec, series.AsSpan(), labels, model.Range, condition.Attributes);
    }

    /// <summary>
    /// The generator's <paramref name="count"/> series [N, T, F] in the model's range, as
    /// <see cref="Sample"/> makes them, with the condition they were made under: the static
    /// attributes drawn for them (scaled), or none when the model has none.
    /// </summary>
    public static (Tensor Series, SeriesCondition Condition) Generate(GanModel model, int count, int[]? labels, Rng rng,
        IReadOnlyList<(string Name, float Value)>? where = null, Func<int, Rng, Condition?, Tensor>? sampler = null)
    {
        if (labels is null && model.TakesLabels) throw new ArgumentException($"{model.Name} makes series of given classes; give the labels");
        var condition = (SeriesCondition)model.Complete(new SeriesCondition(labels ?? new int[count], Where: where), rng);
        return ((sampler ?? model.Sample)(count, rng, condition), condition);
    }

    /// <summary>Writes series as the input was: wide CSV when the spec says "wide", else long CSV.</summary>
    public static void Write(SequenceSpec spec, SequenceDataset series, string path)
    {
        if (spec.Format == "wide") SequenceCsvWriter.WriteWide(series, path);
        else SequenceCsvWriter.WriteLong(series, path);
    }
}
