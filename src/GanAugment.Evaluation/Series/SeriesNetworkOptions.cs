namespace GanAugment.Evaluation.Series;

/// <summary>
/// The post-hoc networks of the series evaluation, trained with Adam for whole epochs and small
/// enough to run in seconds on a CPU: the <see cref="SeriesClassifier"/> (a 1-D CNN of
/// <see cref="Width"/> channels) and the <see cref="NextStepPredictor"/> (an LSTM of
/// <see cref="Width"/> units). TimeGAN's post-hoc networks are GRUs of half the feature count
/// trained for 2000 steps of 128.
/// </summary>
public sealed record SeriesNetworkOptions
{
    /// <summary>Channels of the classifier's convolutions and hidden units of the predictor's LSTM.</summary>
    public int Width { get; init; } = 32;

    public int Epochs { get; init; } = 10;

    public int BatchSize { get; init; } = 64;

    /// <summary>Adam's step size (β = (0.9, 0.999) as PyTorch's default).</summary>
    public double LearningRate { get; init; } = 5e-3;

    /// <summary>Cap on steps per epoch (0: the whole training set), for quick runs and tests.</summary>
    public int MaxStepsPerEpoch { get; init; }

    public void Validate()
    {
        if (Width < 1 || Epochs < 1 || BatchSize < 1 || MaxStepsPerEpoch < 0 || !(LearningRate > 0))
            throw new ArgumentException($"series network options must be positive (max steps may be 0), got {this}");
    }
}
