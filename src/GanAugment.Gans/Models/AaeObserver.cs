using GanAugment.Data.Writers;
using GanAugment.Data.Writers.Charts;
using GanAugment.Gans.Observers;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// The adversarial autoencoder's own views, on the sample schedule:
/// <c>samples/epoch-NNN-codes.png</c>, the codes (first two dimensions) of up to
/// <paramref name="points"/> items of the training data (a fixed seeded pick; the trainer has no
/// validation split) coloured by class with a legend; for images
/// <c>samples/epoch-NNN-lattice.png</c>, the decoded regular <paramref name="side"/>×<paramref name="side"/>
/// lattice of codes over the prior's mass (first two dimensions; the others 0), and for the
/// supervised variant <c>samples/epoch-NNN-lattice-class-K.png</c>, the same lattice decoded with
/// each class K (the same style codes in every grid).
/// </summary>
public sealed class AaeObserver(RunDirectory run, TrainingData data, int every, int points = 2000, int side = 15) : EpochSampleObserver(run, every)
{
    private const ulong PickSeed = 20151118;

    protected override IEnumerable<string> WriteEpoch(GanModel model, int epoch)
    {
        if (model is not Aae aae) return [];
        Directory.CreateDirectory(Run.SamplesDir);
        var written = new List<string> { WriteCodes(aae, SamplePath(epoch, "-codes.png")) };
        if (aae.Spec is not ImageSpec spec) return written;
        var lattice = Lattice(aae.LatentDim, aae.LatticeExtent, side);
        var count = side * side;
        if (!aae.Supervised)
        {
            var path = SamplePath(epoch, "-lattice.png");
            ImageGridWriter.WriteChw(path, aae.Decode(lattice).AsSpan(), count, spec.Channels, spec.Height, spec.Width, aae.Range, side);
            return [.. written, path];
        }
        for (var c = 0; c < spec.ClassCount; c++)
        {
            var path = SamplePath(epoch, $"-lattice-class-{c}.png");
            ImageGridWriter.WriteChw(path, aae.Decode(lattice, [.. Enumerable.Repeat(c, count)]).AsSpan(), count, spec.Channels, spec.Height, spec.Width, aae.Range, side);
            written.Add(path);
        }
        return written;
    }

    private string WriteCodes(Aae aae, string path)
    {
        var picked = new Rng(PickSeed).Permutation(data.Count).Take(Math.Min(points, data.Count)).ToArray();
        var codes = aae.Encode(data.Batch(picked, aae.Range, 0).X).ToArray();
        var labels = data.Labels;
        var classes = labels is null ? 1 : data.Spec.ClassCount;
        var series = new List<LineSeries>();
        for (var c = 0; c < classes; c++)
        {
            var members = Enumerable.Range(0, picked.Length).Where(i => labels is null || labels[picked[i]] == c).ToArray();
            if (members.Length == 0) continue;
            series.Add(Scatter(labels is null ? "codes" : data.Spec.ClassNames[c], members, codes, aae.LatentDim));
        }
        new LineChart
        {
            Title = $"{aae.Name} codes of {picked.Length} training items",
            Series = series,
            XLabel = "z[0]",
            YLabel = aae.LatentDim > 1 ? "z[1]" : "0",
            Width = 720,
            Height = 600,
        }.SavePng(path);
        return path;
    }

    /// <summary>
    /// A scatter series: every code a dot, none joined.
    /// </summary>
    private static LineSeries Scatter(string name, int[] members, float[] codes, int latent)
    {
        var (x, y) = (new List<double>(), new List<double>());
        foreach (var i in members)
        {
            x.Add(codes[i * latent]);
            y.Add(latent > 1 ? codes[i * latent + 1] : 0);
        }
        return new LineSeries(name, x, y) { Joined = false, Marks = SeriesMarks.Dots };
    }

    /// <summary>Codes [side², latent]: row r, column c holds (−e + 2e·c/(side − 1), e − 2e·r/(side − 1), 0, …).</summary>
    public static Tensor Lattice(int latent, float extent, int side)
    {
        var values = new float[side * side * latent];
        for (var r = 0; r < side; r++)
            for (var c = 0; c < side; c++)
            {
                var i = (r * side + c) * latent;
                values[i] = -extent + 2 * extent * c / (side - 1);
                if (latent > 1) values[i + 1] = extent - 2 * extent * r / (side - 1);
            }
        return Tensor.FromArray(values, side * side, latent);
    }
}
