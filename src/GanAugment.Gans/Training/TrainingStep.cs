namespace GanAugment.Gans.Training;

/// <summary>
/// One critic step, followed by a generator step when the critic schedule says so. The trainer
/// and the speed benchmark both call this, so the benchmark times exactly the training step.
/// </summary>
public static class TrainingStep
{
    /// <param name="criticStepsDone">Critic steps taken before this one (for the n_critic schedule).</param>
    public static StepLosses Run(GanModel model, RealBatch real, int batchSize, long criticStepsDone)
    {
        var losses = model.CriticStep(real);
        if ((criticStepsDone + 1) % model.CriticSteps == 0) losses.AddRange(model.GeneratorStep(real, batchSize));
        return losses;
    }
}
