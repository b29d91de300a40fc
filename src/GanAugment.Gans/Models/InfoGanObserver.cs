using System.Globalization;
using GanAugment.Data.Writers;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// InfoGAN's traversal grids (the paper's Figure 2), every <paramref name="every"/> epochs and at
/// the end: <c>traversal_c&lt;j&gt;_epoch_&lt;E&gt;.png</c> per continuous code c_j, one row per value
/// of the categorical code, <see cref="Steps"/> columns sweeping c_j from −2 to 2, with the noise
/// and the other continuous codes (0) fixed across the whole grid. Other models are ignored.
/// </summary>
public sealed class InfoGanObserver(RunDirectory run, int every) : ITrainingObserver
{
    /// <summary>Columns of a traversal: c_j = −2, …, 2 in equal steps.</summary>
    public const int Steps = 10;

    private const ulong NoiseSeed = 20160612;

    public List<string> Written { get; } = [];

    public void OnEpochEnd(GanModel model, EpochReport report)
    {
        var epoch = report.Epoch + 1;
        if (model is not InfoGan infogan || !report.IsAdversarial || !Observers.EpochSampleObserver.IsDue(every, epoch, report.Epochs)) return;
        for (var j = 0; j < infogan.Codes.Continuous; j++)
        {
            var path = run.File(string.Create(CultureInfo.InvariantCulture, $"traversal_{LatentCodes.ContinuousName(j)}_epoch_{epoch}.png"));
            WriteTraversal(infogan, j, path);
            Written.Add(path);
        }
    }

    /// <summary>Writes the traversal grid of continuous code <paramref name="code"/> (0-based) of <paramref name="model"/>.</summary>
    public static void WriteTraversal(InfoGan model, int code, string path)
    {
        var codes = model.Codes;
        var spec = (ImageSpec)model.Spec;
        var rows = Math.Max(1, codes.Categories);
        var pixels = new float[rows * Steps * spec.Size];
        var labels = new string[rows];
        for (var r = 0; r < rows; r++)
        {
            labels[r] = codes.Categories > 0 ? $"cat={r}" : "";
            for (var s = 0; s < Steps; s++)
            {
                var fixedValues = new Dictionary<string, float>();
                if (codes.Categories > 0) fixedValues[LatentCodes.CategoricalName] = r;
                for (var j = 0; j < codes.Continuous; j++)
                    fixedValues[LatentCodes.ContinuousName(j)] = j == code ? -2f + 4f * s / (Steps - 1) : 0f;
                // NOTE: a fresh stream with one seed per cell gives every cell the same noise z.
                var sample = model.Sample(1, new Rng(NoiseSeed), Condition.OfCodes(codes.Draw(1, new Rng(NoiseSeed), fixedValues)));
                sample.AsSpan().CopyTo(pixels.AsSpan((r * Steps + s) * spec.Size, spec.Size));
            }
        }
        ImageGridWriter.WriteChw(path, pixels, rows * Steps, spec.Channels, spec.Height, spec.Width, model.Range, Steps, labels);
    }
}
