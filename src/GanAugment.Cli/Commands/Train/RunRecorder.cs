using GanAugment.Gans;
using GanAugment.Gans.Training;

namespace GanAugment.Cli.Commands.Train;

/// <summary>Remembers what <c>summary.json</c> reports: the epochs run in this session and the last epoch's mean losses.</summary>
internal sealed class RunRecorder : ITrainingObserver
{
    public List<EpochReport> Epochs { get; } = [];

    public int StartEpoch { get; private set; }

    public void OnStart(GanModel model, TrainerOptions options, TrainingPosition start) => StartEpoch = start.IsAdversarial ? start.Epoch : 0;

    public void OnEpochEnd(GanModel model, EpochReport report)
    {
        if (report.IsAdversarial) Epochs.Add(report);
    }
}
