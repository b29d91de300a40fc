namespace GanAugment.Gans.Training;

/// <summary>
/// A phase a model runs before its adversarial epochs (BAGAN's autoencoder, an AAE's
/// reconstruction warm-up): its name (in progress lines, checkpoints and file names), its epochs,
/// its update on a real batch, and what the model does with the whole training set once the
/// phase's last epoch is done. The trainer runs every phase like the adversarial one: shuffled
/// batches, progress, a checkpoint every epoch and on Ctrl+C, and exact resume.
/// </summary>
public sealed record TrainingPhase(string Name, int Epochs, Func<RealBatch, StepLosses> Step, Action<TrainingData> End)
{
    /// <summary>The name of the adversarial phase, which every model has and which comes last.</summary>
    public const string Adversarial = "adversarial";
}

/// <summary>Where training stands: phase, next epoch and step to run in it, and critic steps done so far.</summary>
public sealed record TrainingPosition(int Epoch, int Step, long CriticSteps, string Phase = TrainingPhase.Adversarial)
{
    public bool IsAdversarial => Phase == TrainingPhase.Adversarial;
}
