using System.Globalization;
using GanAugment.Gans.Training;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace GanAugment.Cli.Rendering;

/// <summary>
/// Progress on a terminal: one Spectre.Console progress bar over all steps of every phase of the
/// run, described by phase (when the model has several), epoch, step, images per second and the
/// estimated time left for all remaining phases (<see cref="PhaseClock"/>), with the step's losses on the
/// line below (<see cref="WithLosses"/>), where they can wrap on a narrow terminal.
/// The bar's task is attached once the live display has started (<see cref="Attach"/>), so the
/// trainer and its observers can be built, and checked, before anything is drawn.
/// </summary>
/// <param name="prefix">Put before the description (a stage's name when several runs share one display).</param>
internal sealed class LiveProgressObserver(string prefix = "") : ITrainingObserver
{
    private ProgressTask? _task;
    private volatile string? _losses;
    private readonly PhaseClock _clock = new();

    public void Attach(ProgressTask task) => _task = task;

    /// <summary>The columns: description (epoch, step, speed, ETA), bar, percentage, elapsed time.</summary>
    public static ProgressColumn[] Columns() =>
        [new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 30 }, new PercentageColumn(), new ElapsedTimeColumn()];

    /// <summary>The render hook that puts the losses of the last step under the bar.</summary>
    public IRenderable WithLosses(IRenderable bars, IReadOnlyList<ProgressTask> tasks) =>
        _losses is { } losses ? new Rows(bars, new Text("  " + losses)) : bars;

    public void OnStep(StepReport report)
    {
        _clock.Step(report);
        if (_task is not { } task) return;
        var (total, done) = report.Progress is { } p
            ? (p.StepsTotal, p.StepsDone)
            : ((long)report.Epochs * report.StepsPerEpoch, (long)report.Epoch * report.StepsPerEpoch + report.Step + 1);
        task.MaxValue = total;
        task.Value = done;
        task.Description = Markup.Escape(prefix + Describe(report, _clock.Eta(total - done)));
        _losses = ProgressText.Losses(report.Losses.Values);
    }

    /// <summary><c>autoencoder epoch 1/2 step 3/156  80.1 img/s  eta 1:02</c>: the bar's text.</summary>
    public static string Describe(StepReport report, string eta) => string.Create(CultureInfo.InvariantCulture,
        $"{PhaseClock.PhasePrefix(report.Phase, report.Progress)}epoch {report.Epoch + 1}/{report.Epochs} step {report.Step + 1}/{report.StepsPerEpoch}  {ProgressText.Rate(report.ItemsPerSecond)}  eta {eta}");
}
