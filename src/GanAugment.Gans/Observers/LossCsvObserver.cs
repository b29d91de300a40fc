using System.Globalization;
using GanAugment.Data.Writers;
using GanAugment.Gans.Training;

namespace GanAugment.Gans.Observers;

/// <summary>
/// Writes <c>losses.csv</c> (one row per loss value per adversarial step: epoch, step, loss, value)
/// and <c>epoch_losses.csv</c> (one row per epoch: epoch, seconds, then the mean of each loss).
/// A resumed run keeps the rows of the steps before its checkpoint and drops those after it (they
/// are run again), and an epoch's means include the steps run before the interruption, so after
/// any resume both files hold what an uninterrupted run writes (the seconds aside).
/// <c>epoch_losses.csv</c> is replaced whole (temporary file and rename) at each epoch's end;
/// <c>losses.csv</c> is appended to and flushed after every step, so it is repairable rather than
/// atomic: a hard kill can leave its last line cut, and the next session drops that line with the
/// other rows after its checkpoint.
/// </summary>
public sealed class LossCsvObserver(RunDirectory run) : ITrainingObserver, IDisposable
{
    private const string Header = "epoch,step,loss,value";
    private readonly List<string> _names = [];
    private readonly Dictionary<string, (double Sum, int Count)> _epoch = [];
    private StreamWriter? _steps;

    public void OnStart(GanModel model, TrainerOptions options, TrainingPosition start)
    {
        var path = run.File("losses.csv");
        Directory.CreateDirectory(run.Path);
        var resumed = start.IsAdversarial && (start.Epoch > 0 || start.Step > 0) && File.Exists(path);
        var kept = resumed ? KeptSteps(path, start) : [];
        AtomicFile.WriteAllText(path, string.Concat([Header + "\n", .. kept.Select(r => r.Line + "\n")]));
        foreach (var row in kept.Where(r => r.Epoch == start.Epoch + 1)) Add(row.Name, row.Value);
        var epochs = run.File("epoch_losses.csv");
        var keptEpochs = resumed && File.Exists(epochs)
            ? File.ReadAllLines(epochs).Where((line, i) => line.Length > 0 && (i == 0 || EpochOf(line) <= start.Epoch)).ToArray()
            : [];
        AtomicFile.WriteAllText(epochs, string.Concat(keptEpochs.Select(l => l + "\n")));
        _steps = new StreamWriter(path, append: true);
    }

    public void OnStep(StepReport report)
    {
        if (!report.IsAdversarial) return;
        foreach (var (name, value) in report.Losses.Values)
        {
            _steps!.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Epoch + 1},{report.Step + 1},{name},{value:R}"));
            Add(name, value);
        }
        // NOTE: flushed every step, so the rows before any checkpoint (also one written on Ctrl+C mid-epoch) are on disk when it is.
        _steps!.Flush();
    }

    public void OnEpochEnd(GanModel model, EpochReport report)
    {
        if (!report.IsAdversarial) return;
        _steps!.Flush();
        var path = run.File("epoch_losses.csv");
        var existing = File.Exists(path) ? File.ReadAllText(path) : "";
        if (existing.Length == 0) existing = "epoch,seconds," + string.Join(',', _names) + "\n";
        // NOTE: the means are this observer's own, over every step of the epoch (also those before a resume); same arithmetic as the trainer's.
        var row = string.Create(CultureInfo.InvariantCulture, $"{report.Epoch + 1},{report.Duration.TotalSeconds:F2},") +
                  string.Join(',', _names.Select(n => ((float)(_epoch[n].Sum / _epoch[n].Count)).ToString("R", CultureInfo.InvariantCulture)));
        AtomicFile.WriteAllText(path, existing + row + "\n");
        _names.Clear();
        _epoch.Clear();
    }

    public void OnEnd(GanModel model, TrainingOutcome outcome) => Dispose();

    public void Dispose()
    {
        _steps?.Dispose();
        _steps = null;
    }

    private void Add(string name, float value)
    {
        if (!_epoch.TryGetValue(name, out var total)) _names.Add(name);
        _epoch[name] = (total.Sum + value, total.Count + 1);
    }

    /// <summary>The rows of <c>losses.csv</c> for the steps before <paramref name="start"/>.</summary>
    private static List<(string Line, int Epoch, string Name, float Value)> KeptSteps(string path, TrainingPosition start)
    {
        var kept = new List<(string, int, string, float)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var parts = line.Split(',');
            if (parts.Length != 4 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var epoch) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var step)
                || !float.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                continue;
            if (epoch - 1 < start.Epoch || (epoch - 1 == start.Epoch && step - 1 < start.Step)) kept.Add((line, epoch, parts[2], value));
        }
        return kept;
    }

    private static int EpochOf(string line) =>
        int.TryParse(line.AsSpan(0, Math.Max(0, line.IndexOf(','))), CultureInfo.InvariantCulture, out var epoch) ? epoch : int.MaxValue;
}
