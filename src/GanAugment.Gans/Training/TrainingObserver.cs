namespace GanAugment.Gans.Training;

/// <summary>Where a training step stands, reported after each critic step.</summary>
public sealed record StepReport(int Epoch, int Step, int StepsPerEpoch, int Epochs, StepLosses Losses, double ImagesPerSecond, TimeSpan Elapsed);

/// <summary>The end of an epoch: mean of each loss over the epoch's steps.</summary>
public sealed record EpochReport(int Epoch, int Epochs, IReadOnlyList<KeyValuePair<string, float>> MeanLosses, TimeSpan Duration);

/// <summary>
/// Receives the trainer's progress (Keras callbacks). Reporting, grids, statistics and progress
/// bars are observers; the trainer itself prints nothing.
/// </summary>
public interface ITrainingObserver
{
    void OnStart(GanModel model, TrainerOptions options, int startEpoch) { }

    void OnStep(StepReport report) { }

    /// <summary>After each step of a pretraining phase (<see cref="GanModel.PretrainEpochs"/>).</summary>
    void OnPretrainStep(StepReport report) { }

    /// <summary>After each epoch of a pretraining phase.</summary>
    void OnPretrainEpochEnd(GanModel model, EpochReport report) { }

    /// <summary>After the pretraining phase and <see cref="GanModel.EndPretraining"/>, before the first adversarial epoch.</summary>
    void OnPretrainEnd(GanModel model) { }

    void OnEpochEnd(GanModel model, EpochReport report) { }

    void OnCheckpoint(string path) { }

    void OnEnd(GanModel model, TrainingOutcome outcome) { }
}

/// <summary>How a training run ended.</summary>
public sealed record TrainingOutcome(bool Cancelled, int EpochsDone, int StepsDone, TimeSpan Elapsed, string? LastCheckpoint);
