using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Observers;

/// <summary>
/// What a sequence model shows each epoch: <c>samples/epoch-NNN.png</c>, a grid of line plots with
/// one row per class (one row for unlabelled data), real series on the left and generated ones of
/// the same class on the right, in the input's units, from fixed picks and fixed noise.
/// </summary>
public sealed class SeriesPlotObserver(RunDirectory run, SequenceData data, int every, int perClass = 4) : EpochSampleObserver(run, every)
{
    private const ulong PlotSeed = 1706;

    protected override IEnumerable<string> WriteEpoch(GanModel model, int epoch)
    {
        var path = SamplePath(epoch);
        Write(model, data, path, perClass);
        return [path];
    }

    /// <summary>Writes the grid of real against generated series of <paramref name="model"/>.</summary>
    public static void Write(GanModel model, SequenceData data, string path, int perClass = 4, ulong seed = PlotSeed)
    {
        var spec = (SequenceSpec)model.Spec;
        var classes = Math.Max(1, spec.ClassCount);
        var rng = new Rng(seed);
        var real = new List<(int Class, float[] Values)>();
        for (var c = 0; c < classes; c++)
        {
            var members = Enumerable.Range(0, data.Count).Where(i => data.Labels is null || data.Labels[i] == c).ToArray();
            rng.Shuffle(members.AsSpan());
            real.AddRange(members.Take(perClass).Select(i => (c, data.Sequences.Sequence(i).ToArray())));
        }
        var labels = Enumerable.Range(0, classes * perClass).Select(i => i / perClass).ToArray();
        var generated = SequenceData.Sample(model, labels.Length, model.TakesLabels ? labels : null, rng);
        var fake = labels.Select((c, i) => (c, generated.Sequence(i).ToArray())).ToList();
        SeriesCharts.WriteGrid(path, spec, real, fake);
    }
}
