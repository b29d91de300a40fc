using System.Text.RegularExpressions;
using GanAugment.Data.Writers.TensorBoard;
using GanAugment.Gans.Training;

namespace GanAugment.Gans.Observers;

/// <summary>
/// Writes the run as TensorBoard event files in <c>tb/</c> (<c>tensorboard --logdir runs/</c>):
/// <list type="bullet">
/// <item>every loss of every step as a scalar: tag <c>loss/&lt;name&gt;</c>, or
/// <c>&lt;phase&gt;/&lt;name&gt;</c> when the model has phases before the adversarial one (BAGAN's
/// <c>autoencoder/…</c>, then <c>adversarial/…</c>), so TensorBoard groups them by phase;</item>
/// <item>each adversarial epoch's <c>stats.csv</c> row as <c>stats/real_mean</c>, <c>stats/real_std</c>,
/// <c>stats/fake_mean</c>, <c>stats/fake_std</c>;</item>
/// <item>every PNG the sample observers write that epoch (<c>samples/epoch-NNN[-what].png</c>) as an
/// image summary tagged <c>samples</c> or <c>samples/&lt;what&gt;</c>, the PNG bytes as they are.</item>
/// </list>
/// The step is the number of steps done in the phase (1 for the first); an epoch's stats and images
/// sit at the step of its last loss. It reads what the stats and sample observers produce, so it
/// comes after them in the trainer's observer list. Every model gets it the same way: it knows only
/// the reports and the files.
/// A resumed session appends a new event file and leaves out every (tag, step) that an earlier file
/// of the run already holds (resume is exact, so those values are the ones it would write again);
/// a run that starts from its first step deletes the event files of an earlier run in <c>tb/</c>.
/// </summary>
public sealed partial class TensorBoardObserver(RunDirectory run, IEnumerable<ISampleObserver> samples, StatsObserver? stats = null)
    : ITrainingObserver, IDisposable
{
    private readonly List<(ISampleObserver Observer, int Seen)> _samples = [.. samples.Select(s => (s, 0))];
    private readonly HashSet<(string Tag, long Step)> _earlier = [];
    private EventFileWriter? _writer;
    private int _stepsPerEpoch;

    /// <summary>The folder of the event files of <paramref name="run"/>.</summary>
    public static string Folder(RunDirectory run) => run.File("tb");

    /// <summary>The file this session writes (null before <see cref="OnStart"/>).</summary>
    public string? Path => _writer?.Path;

    public void OnStart(GanModel model, TrainerOptions options, TrainingPosition start)
    {
        var folder = Folder(run);
        var phases = model.Phases(options);
        var fresh = start is { Epoch: 0, Step: 0 } && start.Phase == (phases.Count > 0 ? phases[0].Name : TrainingPhase.Adversarial);
        foreach (var file in EventFiles.In(folder))
        {
            if (fresh)
            {
                File.Delete(file);
                continue;
            }
            EventFiles.Repair(file);
            foreach (var e in EventFiles.Read(file))
                foreach (var v in e.Values) _earlier.Add((v.Tag, e.Step));
        }
        _writer = new EventFileWriter(folder);
    }

    public void OnStep(StepReport report)
    {
        _stepsPerEpoch = report.StepsPerEpoch;
        var step = (long)report.Epoch * report.StepsPerEpoch + report.Step + 1;
        var group = report.Progress is { HasPretraining: true } ? report.Phase : "loss";
        Write(step, [.. report.Losses.Values.Select(p => SummaryValue.Of($"{group}/{p.Key}", p.Value))]);
    }

    public void OnEpochEnd(GanModel model, EpochReport report)
    {
        if (!report.IsAdversarial) return;
        var step = (long)(report.Epoch + 1) * _stepsPerEpoch;
        var values = new List<SummaryValue>();
        if (stats?.Rows.LastOrDefault() is { } row && row.Epoch == report.Epoch + 1)
        {
            values.Add(SummaryValue.Of("stats/real_mean", (float)row.RealMean));
            values.Add(SummaryValue.Of("stats/real_std", (float)row.RealStd));
            values.Add(SummaryValue.Of("stats/fake_mean", (float)row.FakeMean));
            values.Add(SummaryValue.Of("stats/fake_std", (float)row.FakeStd));
        }
        for (var i = 0; i < _samples.Count; i++)
        {
            var (observer, seen) = _samples[i];
            foreach (var path in observer.Written.Skip(seen))
                if (ImageTag(System.IO.Path.GetFileName(path)) is { } tag)
                    values.Add(EventFileWriter.PngImage(tag, File.ReadAllBytes(path), path));
            _samples[i] = (observer, observer.Written.Count);
        }
        Write(step, values);
    }

    public void OnEnd(GanModel model, TrainingOutcome outcome) => Dispose();

    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
    }

    /// <summary>The image tag of a sample file: <c>epoch-003.png</c> → <c>samples</c>, <c>epoch-003-heldout.png</c> → <c>samples/heldout</c>; null for other files (CSV previews).</summary>
    public static string? ImageTag(string fileName) =>
        SampleFile().Match(fileName) is { Success: true } m ? (m.Groups["what"].Success ? "samples/" + m.Groups["what"].Value : "samples") : null;

    private void Write(long step, List<SummaryValue> values)
    {
        values.RemoveAll(v => _earlier.Contains((v.Tag, step)));
        _writer!.Write(step, values);
        // NOTE: flushed every step, as losses.csv: TensorBoard shows a running run, and a kill loses at most the record being written.
        _writer.Flush();
    }

    [GeneratedRegex(@"^epoch-\d+(?:-(?<what>[A-Za-z0-9_-]+))?\.png$")]
    private static partial Regex SampleFile();
}
