using GanAugment.Gans.Training;

namespace GanAugment.Evaluation.Imbalance;

/// <summary>How one generator of the protocol is trained: zoo model, its option overrides and the trainer's schedule.</summary>
public sealed record GeneratorSchedule(string Model)
{
    /// <summary>Overrides of the model's options by name, as <c>ganaug train --option</c> takes them.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    public int Epochs { get; init; } = 5;
    public int BatchSize { get; init; } = 32;

    /// <summary>Cap on steps per epoch (0: whole epochs).</summary>
    public int MaxStepsPerEpoch { get; init; }

    /// <summary>Whether the run writes TensorBoard event files in its <c>tb/</c> folder.</summary>
    public bool TensorBoard { get; init; } = true;

    /// <summary>The trainer options for a data set of <paramref name="count"/> images and a seed.</summary>
    public TrainerOptions Trainer(ulong seed, int count) => new()
    {
        Epochs = Epochs,
        BatchSize = Math.Min(BatchSize, count),
        MaxStepsPerEpoch = MaxStepsPerEpoch,
        CheckpointEvery = 0,
        SampleEvery = Math.Max(1, Epochs),
        Seed = seed,
    };
}
