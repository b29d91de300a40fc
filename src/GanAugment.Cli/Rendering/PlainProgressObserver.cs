using System.Globalization;
using GanAugment.Gans;
using GanAugment.Gans.Training;

namespace GanAugment.Cli.Rendering;

/// <summary>
/// Progress for redirected output: one line per epoch of every phase with its mean losses, time,
/// images per second and the estimated time left for the whole run (all remaining phases), e.g.
/// <c>epoch 2/10  469 steps  61.2 s  490.3 img/s  eta 8:10  d_real=0.6931 g=0.7012</c>; when a
/// model has pretraining phases (BAGAN's autoencoder) every line starts with its phase's name
/// (<c>autoencoder epoch 1/2 ...</c>, <c>adversarial epoch 1/2 ...</c>).
/// </summary>
internal sealed class PlainProgressObserver(TextWriter output, int batchSize) : ITrainingObserver
{
    private readonly PhaseClock _clock = new();
    private int _stepsThisEpoch;

    public void OnStep(StepReport report)
    {
        _stepsThisEpoch++;
        _clock.Step(report);
    }

    public void OnEpochEnd(GanModel model, EpochReport report)
    {
        var eta = report.Progress is { } progress ? _clock.Eta(progress.StepsLeft) : "?";
        output.WriteLine($"{PhaseClock.PhasePrefix(report.Phase, report.Progress)}{EpochHead(report)}  eta {eta}  {ProgressText.Losses(report.MeanLosses)}");
        _stepsThisEpoch = 0;
    }

    /// <summary><c>epoch 2/10  469 steps  61.2 s  490.3 img/s</c> for the epoch that just ended.</summary>
    private string EpochHead(EpochReport report)
    {
        var seconds = report.Duration.TotalSeconds;
        var rate = _stepsThisEpoch * (double)batchSize / Math.Max(seconds, 1e-9);
        return string.Create(CultureInfo.InvariantCulture,
            $"epoch {report.Epoch + 1}/{report.Epochs}  {_stepsThisEpoch} steps  {seconds:F1} s  {ProgressText.Rate(rate)}");
    }
}
