using System.Globalization;
using GanAugment.Gans;
using GanAugment.Gans.Training;

namespace GanAugment.Cli.Rendering;

/// <summary>
/// Progress for redirected output: one line per epoch with its mean losses, time, images per
/// second and the estimated time left, e.g.
/// <c>epoch 2/10  469 steps  61.2 s  490.3 img/s  eta 8:10  d_real=0.6931 g=0.7012</c>; a
/// model's pretraining epochs (BAGAN's autoencoder) the same way, prefixed with the phase's name.
/// </summary>
internal sealed class PlainProgressObserver(TextWriter output, int batchSize) : ITrainingObserver
{
    private long _stepsThisSession;
    private int _stepsThisEpoch;
    private StepReport? _last;

    public void OnStep(StepReport report)
    {
        _stepsThisEpoch++;
        if (!report.IsAdversarial) return;
        _stepsThisSession++;
        _last = report;
    }

    public void OnEpochEnd(GanModel model, EpochReport report)
    {
        if (!report.IsAdversarial)
        {
            output.WriteLine($"{report.Phase} {EpochHead(report)}  {ProgressText.Losses(report.MeanLosses)}");
            _stepsThisEpoch = 0;
            return;
        }
        var remaining = _last is null ? 0 : (long)(report.Epochs - report.Epoch - 1) * _last.StepsPerEpoch;
        var eta = _last is null ? "?" : ProgressText.Eta(_last.Elapsed, _stepsThisSession, remaining);
        output.WriteLine($"{EpochHead(report)}  eta {eta}  {ProgressText.Losses(report.MeanLosses)}");
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
