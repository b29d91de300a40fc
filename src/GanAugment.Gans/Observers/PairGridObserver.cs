using GanAugment.Data.Writers;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Observers;

/// <summary>
/// The sample grid of a model trained on image pairs: <c>samples/epoch-NNN.png</c>, one row per
/// source image (fixed across epochs), the source in the first column and generations from it
/// with different noise in the others. When the data has held-out classes their grid is
/// <c>samples/epoch-NNN-heldout.png</c>.
/// </summary>
public sealed class PairGridObserver(RunDirectory run, ImagePairData data, int every, int rows = 8, int variants = 7) : EpochSampleObserver(run, every)
{
    private const ulong GridSeed = 1711;

    protected override IEnumerable<string> WriteEpoch(GanModel model, int epoch)
    {
        var path = SamplePath(epoch);
        Write(model, data, path, rows, variants);
        if (data.HeldOut is not { } heldOut) return [path];
        var heldOutPath = SamplePath(epoch, "-heldout.png");
        Write(model, heldOut, heldOutPath, rows, variants);
        return [path, heldOutPath];
    }

    /// <summary>Writes the grid of generations from <paramref name="rows"/> source images of <paramref name="data"/>.</summary>
    public static void Write(GanModel model, ImagePairData data, string path, int rows = 8, int variants = 7, ulong seed = GridSeed)
    {
        var spec = ((ImagePairSpec)model.Spec).Image;
        var rng = new Rng(seed);
        var picks = rng.Permutation(data.Count).Take(rows).ToArray();
        var sources = data.Batch(picks, model.Range, seed).X;
        var columns = variants + 1;
        var cells = new float[picks.Length * columns * spec.Size];
        for (var r = 0; r < picks.Length; r++)
        {
            var source = sources.Narrow(0, r, 1);
            sources.AsSpan().Slice(r * spec.Size, spec.Size).CopyTo(cells.AsSpan(r * columns * spec.Size));
            var repeated = Tensor.Concat([.. Enumerable.Repeat(source, variants)], 0);
            model.Sample(variants, rng, Condition.OfSource(repeated)).AsSpan().CopyTo(cells.AsSpan((r * columns + 1) * spec.Size));
        }
        var labels = picks.Select(i => spec.ClassNames[data.Images.Labels[i]]).ToList();
        ImageGridWriter.WriteChw(path, cells, cells.Length / spec.Size, spec.Channels, spec.Height, spec.Width, model.Range, columns, labels);
    }
}
