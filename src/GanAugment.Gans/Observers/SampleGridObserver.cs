using GanAugment.Data.Writers;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Observers;

/// <summary>
/// Writes <c>samples/epoch-NNN.png</c> every N epochs from fixed noise, so grids of different
/// epochs compare like for like: one row per class (labelled) for conditional models, an 8x8
/// grid otherwise.
/// </summary>
public sealed class SampleGridObserver(RunDirectory run, int every, int perClass = 10) : EpochSampleObserver(run, every)
{
    private const ulong GridSeed = 20171;

    protected override IEnumerable<string> WriteEpoch(GanModel model, int epoch)
    {
        var path = SamplePath(epoch);
        Write(model, path, perClass);
        return [path];
    }

    /// <summary>Writes a grid of <paramref name="model"/>'s samples to <paramref name="path"/>.</summary>
    public static void Write(GanModel model, string path, int perClass = 10, ulong seed = GridSeed)
    {
        var spec = (ImageSpec)model.Spec;
        int[]? labels = null;
        IReadOnlyList<string>? rowLabels = null;
        int count, columns;
        if (model.TakesLabels)
        {
            columns = perClass;
            count = spec.ClassCount * perClass;
            labels = new int[count];
            for (var i = 0; i < count; i++) labels[i] = i / perClass;
            rowLabels = spec.ClassNames;
        }
        else
        {
            columns = 8;
            count = 64;
        }
        var images = model.Sample(count, labels, new Rng(seed));
        ImageGridWriter.WriteChw(path, images.AsSpan(), count, spec.Channels, spec.Height, spec.Width, model.Range, columns, rowLabels);
    }
}
