using System.Globalization;
using GanAugment.Data.Images;
using GanAugment.Data.Writers;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// The BAGAN-specific files of a run directory, as the reference writes them:
/// <c>autoencoder_losses.csv</c> (per pretraining epoch), <c>latent_means.npy</c> [C, L] and
/// <c>latent_covariances.npy</c> [C, L, L] once the class-conditional latent is fitted, and
/// <c>cmp_class_&lt;X&gt;_init.png</c> then <c>cmp_class_&lt;X&gt;_epoch_&lt;Y&gt;.png</c> every
/// <paramref name="every"/> epochs and at the end, with three rows per class: real images,
/// their reconstructions G(E(x)) and generated images. X is <paramref name="targetTag"/>, the
/// minority class the run was made for. Other models are ignored.
/// </summary>
public sealed class BaganObserver(RunDirectory run, ImageDataset data, string targetTag, int every, int perRow = 10) : ITrainingObserver
{
    private const ulong GridSeed = 20180326;

    public List<string> Written { get; } = [];

    public void OnEpochEnd(GanModel model, EpochReport report)
    {
        if (report.IsAdversarial) WriteEpochComparison(model, report);
        else WriteAutoencoderLosses(report);
    }

    private void WriteAutoencoderLosses(EpochReport report)
    {
        var path = run.File("autoencoder_losses.csv");
        var header = "epoch,seconds," + string.Join(',', report.MeanLosses.Select(p => p.Key)) + "\n";
        // NOTE: rows of this epoch and later are dropped: a run killed after writing them and before its checkpoint runs them again.
        var earlier = report.Epoch > 0 && File.Exists(path)
            ? File.ReadLines(path).Skip(1).Where(l => int.TryParse(l.AsSpan(0, Math.Max(0, l.IndexOf(','))), CultureInfo.InvariantCulture, out var e) && e <= report.Epoch)
            : [];
        var existing = string.Concat([header, .. earlier.Select(l => l + "\n")]);
        var row = string.Create(CultureInfo.InvariantCulture, $"{report.Epoch + 1},{report.Duration.TotalSeconds:F2},") +
                  string.Join(',', report.MeanLosses.Select(p => p.Value.ToString("R", CultureInfo.InvariantCulture)));
        RunDirectory.WriteText(path, existing + row + "\n");
    }

    public void OnPhaseEnd(GanModel model, string phase)
    {
        if (model is not Bagan bagan) return;
        var latent = bagan.Latent;
        NpyWriter.Write(Track(run.File("latent_means.npy")), latent.Means.AsSpan(), [latent.Classes, latent.LatentDim]);
        NpyWriter.Write(Track(run.File("latent_covariances.npy")), latent.Covariances.AsSpan(), [latent.Classes, latent.LatentDim, latent.LatentDim]);
        WriteComparison(bagan, Track(run.File($"cmp_class_{targetTag}_init.png")));
    }

    private void WriteEpochComparison(GanModel model, EpochReport report)
    {
        var epoch = report.Epoch + 1;
        if (model is not Bagan bagan || !Observers.EpochSampleObserver.IsDue(every, epoch, report.Epochs)) return;
        WriteComparison(bagan, Track(run.File($"cmp_class_{targetTag}_epoch_{epoch}.png")));
    }

    /// <summary>Writes the three-rows-per-class comparison grid of <paramref name="bagan"/> on <paramref name="data"/>.</summary>
    public void WriteComparison(Bagan bagan, string path)
    {
        var spec = bagan.Image;
        var size = spec.Size;
        var rng = new Rng(GridSeed);
        var rows = new List<float[]>();
        var labels = new List<string>();
        for (var c = 0; c < spec.ClassCount; c++)
        {
            var members = Enumerable.Range(0, data.Count).Where(i => data.Labels[i] == c).ToArray();
            rng.Shuffle(members.AsSpan());
            var picked = members.Take(perRow).ToArray();
            var real = new float[perRow * size];
            // NOTE: a class with fewer images than a row leaves the rest black (-1 in [-1, 1], 0 in [0, 1]).
            real.AsSpan().Fill(bagan.Range == PixelRange.ZeroToOne ? 0f : -1f);
            var reconstructed = (float[])real.Clone();
            if (picked.Length > 0)
            {
                var batch = ImageBatch.From(data, picked, bagan.Range);
                batch.AsSpan().CopyTo(real);
                bagan.Reconstruct(batch).AsSpan().CopyTo(reconstructed);
            }
            var generated = bagan.Sample(perRow, Enumerable.Repeat(c, perRow).ToArray(), rng).ToArray();
            rows.AddRange([real, reconstructed, generated]);
            labels.AddRange([$"{c} real", $"{c} ae", $"{c} gen"]);
        }
        var all = rows.SelectMany(r => r).ToArray();
        ImageGridWriter.WriteChw(path, all, rows.Count * perRow, spec.Channels, spec.Height, spec.Width, bagan.Range, perRow, labels);
    }

    private string Track(string path)
    {
        Written.Add(path);
        return path;
    }
}
