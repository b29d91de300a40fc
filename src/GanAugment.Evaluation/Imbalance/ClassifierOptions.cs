namespace GanAugment.Evaluation.Imbalance;

/// <summary>
/// The classifier that every method of the imbalance protocol trains (the same for all, so only
/// the training set differs): see <see cref="ImbalanceClassifier"/> for the network. Adam with a
/// cosine learning-rate decay from <see cref="LearningRate"/> to 0 over all steps, on images
/// shifted by up to <see cref="MaxShift"/> pixels.
/// </summary>
public sealed record ClassifierOptions
{
    /// <summary>Channels of the first convolution; the next two have 2·Width, the last 4·Width.</summary>
    public int Width { get; init; } = 8;

    /// <summary>Units of the hidden dense layer.</summary>
    public int Hidden { get; init; } = 128;

    public int Epochs { get; init; } = 3;

    public int BatchSize { get; init; } = 64;

    /// <summary>Adam's learning rate at the first step; it decays along a half cosine to 0 at the last (<see cref="LearningRateAt"/>).</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>
    /// Training images are moved by up to this many pixels in x and y (uniformly per image, the
    /// background filled in with the darkest value); 0 turns the augmentation off.
    /// </summary>
    public int MaxShift { get; init; } = 2;

    /// <summary>Cap on steps per epoch (0: the whole training set), for quick runs and tests.</summary>
    public int MaxStepsPerEpoch { get; init; }

    /// <summary>
    /// The learning rate of step <paramref name="step"/> (0-based) of <paramref name="total"/>:
    /// LearningRate · (1 + cos(π · step / total)) / 2, the cosine annealing of Loshchilov and
    /// Hutter (SGDR, https://arxiv.org/abs/1608.03983) without restarts.
    /// </summary>
    public double LearningRateAt(int step, int total) =>
        total <= 0 ? LearningRate : LearningRate * 0.5 * (1 + Math.Cos(Math.PI * step / total));

    public void Validate()
    {
        if (Width < 1 || Hidden < 1 || Epochs < 1 || BatchSize < 1 || MaxStepsPerEpoch < 0 || MaxShift < 0 || !(LearningRate > 0) || !double.IsFinite(LearningRate))
            throw new ArgumentException($"classifier options must be positive (max steps and max shift may be 0), got {this}");
    }
}
