namespace GanAugment.Gans.Training;

/// <summary>
/// Where a step or an epoch stands in the whole schedule, every phase counted: the phase's index
/// among <paramref name="Phases"/> (pretraining phases, then the adversarial one) and the steps done
/// (this one included) out of all the steps of all phases. Progress bars and ETAs use it.
/// </summary>
public sealed record ScheduleProgress(int PhaseIndex, int Phases, long StepsDone, long StepsTotal)
{
    /// <summary>Steps of this and every later phase still to run.</summary>
    public long StepsLeft => Math.Max(0, StepsTotal - StepsDone);

    /// <summary>Whether the model has phases before its adversarial one (progress then names each phase).</summary>
    public bool HasPretraining => Phases > 1;
}

/// <summary>Where a training step stands, reported after each step of any phase.</summary>
public sealed record StepReport(int Epoch, int Step, int StepsPerEpoch, int Epochs, StepLosses Losses, double ItemsPerSecond, TimeSpan Elapsed,
    string Phase = TrainingPhase.Adversarial, ScheduleProgress? Progress = null)
{
    public bool IsAdversarial => Phase == TrainingPhase.Adversarial;
}

/// <summary>The end of an epoch of a phase: mean of each loss over the epoch's steps.</summary>
public sealed record EpochReport(int Epoch, int Epochs, IReadOnlyList<KeyValuePair<string, float>> MeanLosses, TimeSpan Duration,
    string Phase = TrainingPhase.Adversarial, ScheduleProgress? Progress = null)
{
    public bool IsAdversarial => Phase == TrainingPhase.Adversarial;
}

/// <summary>
/// Receives the trainer's progress (Keras callbacks). Reporting, grids, statistics and progress
/// bars are observers; the trainer itself prints nothing. Steps and epochs of every phase arrive
/// here, with the phase's name in the report.
/// </summary>
public interface ITrainingObserver
{
    /// <summary>Before the first step; <paramref name="start"/> is where a resumed run continues.</summary>
    void OnStart(GanModel model, TrainerOptions options, TrainingPosition start) { }

    void OnStep(StepReport report) { }

    void OnEpochEnd(GanModel model, EpochReport report) { }

    /// <summary>After a pretraining phase's last epoch and its <see cref="TrainingPhase.End"/>.</summary>
    void OnPhaseEnd(GanModel model, string phase) { }

    void OnCheckpoint(string path) { }

    void OnEnd(GanModel model, TrainingOutcome outcome) { }
}

/// <summary>The observer that shows a modality's samples each epoch (grids, previews, plots), and the files it wrote.</summary>
public interface ISampleObserver : ITrainingObserver
{
    IReadOnlyList<string> Written { get; }
}

/// <summary>How a training run ended.</summary>
public sealed record TrainingOutcome(bool Cancelled, int EpochsDone, int StepsDone, TimeSpan Elapsed, string? LastCheckpoint);
