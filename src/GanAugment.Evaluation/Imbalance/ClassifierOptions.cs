namespace GanAugment.Evaluation.Imbalance;

/// <summary>The classifier that every method of the imbalance protocol trains (the same for all, so only the training set differs).</summary>
public sealed record ClassifierOptions
{
    /// <summary>Channels of the first convolution; the other two have twice as many.</summary>
    public int Width { get; init; } = 16;

    /// <summary>Units of the hidden dense layer.</summary>
    public int Hidden { get; init; } = 64;

    public int Epochs { get; init; } = 5;
    public int BatchSize { get; init; } = 64;
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Cap on steps per epoch (0: the whole training set), for quick runs and tests.</summary>
    public int MaxStepsPerEpoch { get; init; }

    public void Validate()
    {
        if (Width < 1 || Hidden < 1 || Epochs < 1 || BatchSize < 1 || MaxStepsPerEpoch < 0 || !(LearningRate > 0))
            throw new ArgumentException($"classifier options must be positive (max steps may be 0), got {this}");
    }
}
