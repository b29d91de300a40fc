using GanAugment.Gans.Training;

namespace GanAugment.Cli.Rendering;

/// <summary>
/// The ETA of a run with several phases: the steps left in every remaining phase
/// (<see cref="ScheduleProgress.StepsLeft"/>) times the seconds per step of the phase running now,
/// measured over this session. A phase's own rate is used because phases differ in cost (BAGAN's
/// autoencoder steps are cheaper than its adversarial ones); later phases are assumed to cost
/// what the current one does until they start.
/// </summary>
internal sealed class PhaseClock
{
    private string? _phase;
    private TimeSpan _phaseStart;
    private TimeSpan _elapsed;
    private long _phaseSteps;

    /// <summary>Records a finished step.</summary>
    public void Step(StepReport report)
    {
        if (report.Phase != _phase)
        {
            _phase = report.Phase;
            _phaseStart = _elapsed;
            _phaseSteps = 0;
        }
        _phaseSteps++;
        _elapsed = report.Elapsed;
    }

    /// <summary>"1:02" for <paramref name="stepsLeft"/> more steps, "?" before the first step.</summary>
    public string Eta(long stepsLeft) => ProgressText.Eta(_elapsed - _phaseStart, _phaseSteps, stepsLeft);

    /// <summary>"autoencoder " when the model has phases before its adversarial one (every phase is then named), else "" (or the phase, without schedule information, when it is not the adversarial one).</summary>
    public static string PhasePrefix(string phase, ScheduleProgress? progress) =>
        progress?.HasPretraining ?? phase != TrainingPhase.Adversarial ? phase + " " : "";
}
