using System.Globalization;
using GanAugment.Gans.Training;
using Spectre.Console;

namespace GanAugment.Cli.Rendering;

/// <summary>
/// Progress on a terminal: one Spectre.Console progress bar over all steps of the run, described
/// by epoch, step, the step's losses, images per second and the estimated time left.
/// The bar's task is attached once the live display has started (<see cref="Attach"/>), so the
/// trainer and its observers can be built, and checked, before anything is drawn.
/// </summary>
internal sealed class LiveProgressObserver : ITrainingObserver
{
    private ProgressTask? _task;
    private long _stepsThisSession;

    public void Attach(ProgressTask task) => _task = task;

    /// <summary>The columns of the bar: description, bar, percentage, elapsed time.</summary>
    public static ProgressColumn[] Columns() =>
        [new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn()];

    public void OnStep(StepReport report)
    {
        if (_task is not { } task) return;
        _stepsThisSession++;
        var total = (long)report.Epochs * report.StepsPerEpoch;
        var done = (long)report.Epoch * report.StepsPerEpoch + report.Step + 1;
        task.MaxValue = total;
        task.Value = done;
        var eta = ProgressText.Eta(report.Elapsed, _stepsThisSession, total - done);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"epoch {report.Epoch + 1}/{report.Epochs} step {report.Step + 1}/{report.StepsPerEpoch}  {ProgressText.Losses(report.Losses.Values)}  {ProgressText.Rate(report.ImagesPerSecond)}  eta {eta}");
        task.Description = Markup.Escape(text);
    }
}
