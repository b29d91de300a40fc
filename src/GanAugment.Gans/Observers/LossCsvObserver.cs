using System.Globalization;
using GanAugment.Gans.Training;

namespace GanAugment.Gans.Observers;

/// <summary>
/// Writes <c>losses.csv</c> (one row per loss value per step: epoch, step, loss, value) and
/// <c>epoch_losses.csv</c> (one row per epoch: epoch, seconds, then the mean of each loss).
/// </summary>
public sealed class LossCsvObserver(RunDirectory run) : ITrainingObserver, IDisposable
{
    private StreamWriter? _steps;

    public void OnStart(GanModel model, TrainerOptions options, TrainingPosition start)
    {
        var path = run.File("losses.csv");
        var fresh = !start.IsAdversarial || start.Epoch == 0 || !File.Exists(path);
        Directory.CreateDirectory(run.Path);
        _steps = new StreamWriter(path, append: !fresh);
        if (fresh) _steps.WriteLine("epoch,step,loss,value");
        if (fresh) RunDirectory.WriteText(run.File("epoch_losses.csv"), "");
    }

    public void OnStep(StepReport report)
    {
        if (!report.IsAdversarial) return;
        foreach (var (name, value) in report.Losses.Values)
            _steps!.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Epoch + 1},{report.Step + 1},{name},{value:R}"));
    }

    public void OnEpochEnd(GanModel model, EpochReport report)
    {
        if (!report.IsAdversarial) return;
        _steps!.Flush();
        var path = run.File("epoch_losses.csv");
        var existing = File.Exists(path) ? File.ReadAllText(path) : "";
        var header = "epoch,seconds," + string.Join(',', report.MeanLosses.Select(p => p.Key));
        if (existing.Length == 0) existing = header + "\n";
        var row = string.Create(CultureInfo.InvariantCulture, $"{report.Epoch + 1},{report.Duration.TotalSeconds:F2},") +
                  string.Join(',', report.MeanLosses.Select(p => p.Value.ToString("R", CultureInfo.InvariantCulture)));
        RunDirectory.WriteText(path, existing + row + "\n");
    }

    public void OnEnd(GanModel model, TrainingOutcome outcome) => Dispose();

    public void Dispose()
    {
        _steps?.Dispose();
        _steps = null;
    }
}
