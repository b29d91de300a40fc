using GanAugment.Data.Writers;
using GanAugment.Gans.Observers;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// BiGAN's own views of an image run, on the sample schedule: <c>samples/epoch-NNN-reconstructions.png</c>,
/// rows of <paramref name="perRow"/> real images each followed by a row of their reconstructions
/// G(E(x)); and <c>samples/epoch-NNN-interpolation.png</c>, one row per pair of real images, G
/// along the straight line from E(x₁) to E(x₂) in <paramref name="perRow"/> steps. The real images
/// are the same every epoch (a fixed seed). Table runs get no views here (their rows are previewed
/// by the table observer).
/// </summary>
public sealed class BiganObserver(RunDirectory run, TrainingData data, int every, int perRow = 10, int rows = 4) : EpochSampleObserver(run, every)
{
    private const ulong PickSeed = 20160531;

    protected override IEnumerable<string> WriteEpoch(GanModel model, int epoch)
    {
        if (model is not Bigan bigan || bigan.Spec is not ImageSpec spec || data.Count < 2) return [];
        Directory.CreateDirectory(Run.SamplesDir);
        var picked = new Rng(PickSeed).Permutation(data.Count).Take(Math.Min(data.Count, 2 * rows * perRow)).ToArray();
        var x = data.Batch(picked, bigan.Range, 0).X;
        var z = bigan.Encode(x);

        // ---- real rows interleaved with their reconstructions ----
        var reconstructed = bigan.Decode(z);
        var shown = Math.Min(rows * perRow, picked.Length) / perRow * perRow;
        var grid = new List<float>();
        var labels = new List<string>();
        for (var r = 0; r < shown / perRow; r++)
        {
            grid.AddRange(x.Narrow(0, r * perRow, perRow).ToArray());
            grid.AddRange(reconstructed.Narrow(0, r * perRow, perRow).ToArray());
            labels.AddRange(["real", "G(E(x))"]);
        }
        var written = new List<string>();
        if (shown > 0)
        {
            var path = SamplePath(epoch, "-reconstructions.png");
            ImageGridWriter.WriteChw(path, grid.ToArray(), 2 * shown, spec.Channels, spec.Height, spec.Width, bigan.Range, perRow, labels);
            written.Add(path);
        }

        // ---- G along straight lines between the codes of two real images ----
        var pairs = Math.Min(rows, picked.Length / 2);
        var path2 = SamplePath(epoch, "-interpolation.png");
        var line = Interpolate(z, pairs, perRow);
        var images = bigan.Decode(line);
        ImageGridWriter.WriteChw(path2, images.AsSpan(), pairs * perRow, spec.Channels, spec.Height, spec.Width, bigan.Range, perRow);
        written.Add(path2);
        return written;
    }

    /// <summary>
    /// Codes [pairs·steps, L]: row p holds (1 − t)·z[2p] + t·z[2p + 1] for t = 0, 1/(steps − 1), …, 1.
    /// </summary>
    public static Tensor Interpolate(Tensor z, int pairs, int steps)
    {
        var latent = z.Size(1);
        var codes = z.AsSpan();
        var line = new float[pairs * steps * latent];
        for (var p = 0; p < pairs; p++)
            for (var s = 0; s < steps; s++)
            {
                var t = steps == 1 ? 0f : s / (float)(steps - 1);
                for (var k = 0; k < latent; k++)
                    line[(p * steps + s) * latent + k] = (1 - t) * codes[2 * p * latent + k] + t * codes[(2 * p + 1) * latent + k];
            }
        return Tensor.FromArray(line, pairs * steps, latent);
    }
}
