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

    public SequenceData(SequenceDataset sequences, string format = "long")
    {
        Sequences = sequences;
        Scaler = SequenceScaler.Fit(sequences, PixelRange.MinusOneToOne);
        _scaled = Scaler.Transform(sequences).Values;
        _size = sequences.SequenceSize;
        Spec = new SequenceSpec(sequences.Length, sequences.Features, sequences.FeatureNames, sequences.ClassNames, Scaler.ToJson(), format);
    }

    public SequenceDataset Sequences { get; }

    public SequenceScaler Scaler { get; }

    public override DataSpec Spec { get; }

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
        return new RealBatch(batch, LabelsAt(indices));
    }

    public override ISampleObserver SampleObserver(RunDirectory run, int every) => new SeriesPlotObserver(run, this, every);

    /// <summary>Generated series [N, T, F] in <paramref name="range"/> back to the input's units, with their classes (none when <paramref name="labels"/> is null: an unconditional model's series).</summary>
    public static SequenceDataset Decode(SequenceSpec spec, ReadOnlySpan<float> series, int[]? labels, PixelRange range)
    {
        var scaler = SequenceScaler.FromJson(spec.Scaler, "the run's sequence spec");
        var scaled = series.ToArray();
        if (range == PixelRange.ZeroToOne)
            for (var k = 0; k < scaled.Length; k++) scaled[k] = scaled[k] * 2f - 1f;
        var values = new float[scaled.Length];
        scaler.InverseTransform(scaled, values);
        var count = values.Length / (spec.Length * spec.Features);
        var classes = spec.ClassCount > 0 && labels is not null ? spec.ClassNames : null;
        return new SequenceDataset(values, count, spec.Length, spec.Features, classes is null ? null : labels, classes, featureNames: spec.FeatureNames);
    }

    /// <summary>Writes series as the input was: wide CSV when the spec says "wide", else long CSV.</summary>
    public static void Write(SequenceSpec spec, SequenceDataset series, string path)
    {
        if (spec.Format == "wide") SequenceCsvWriter.WriteWide(series, path);
        else SequenceCsvWriter.WriteLong(series, path);
    }
}
