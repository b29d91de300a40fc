using System.Globalization;
using GanAugment.Gans.Training;

namespace GanAugment.Gans.Observers;

/// <summary>
/// The schedule every sample view shares: after every <c>every</c>-th adversarial epoch and the
/// last one, write the epoch's files (<c>samples/epoch-NNN…</c>) and remember their paths.
/// </summary>
public abstract class EpochSampleObserver(RunDirectory run, int every) : ISampleObserver
{
    private readonly List<string> _written = [];

    public IReadOnlyList<string> Written => _written;

    protected RunDirectory Run { get; } = run;

    public void OnEpochEnd(GanModel model, EpochReport report)
    {
        var epoch = report.Epoch + 1;
        if (report.IsAdversarial && IsDue(every, epoch, report.Epochs)) _written.AddRange(WriteEpoch(model, epoch));
    }

    /// <summary>Whether epoch <paramref name="epoch"/> (1-based) of <paramref name="epochs"/> gets outputs when they are written every <paramref name="every"/> epochs (0: never).</summary>
    public static bool IsDue(int every, int epoch, int epochs) => every > 0 && (epoch % every == 0 || epoch == epochs);

    /// <summary>Writes the views of epoch <paramref name="epoch"/> and returns their paths.</summary>
    protected abstract IEnumerable<string> WriteEpoch(GanModel model, int epoch);

    /// <summary><c>samples/epoch-NNN&lt;suffix&gt;</c>.</summary>
    protected string SamplePath(int epoch, string suffix = ".png") =>
        Path.Combine(Run.SamplesDir, string.Create(CultureInfo.InvariantCulture, $"epoch-{epoch:D3}{suffix}"));
}
