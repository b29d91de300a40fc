using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>
/// Shared state and forward of <see cref="BatchNorm1d"/> and <see cref="BatchNorm2d"/>: learnable
/// per-channel <see cref="Weight"/> (γ, ones) and <see cref="Bias"/> (β, zeros) when affine, and
/// running mean and variance buffers when tracking statistics. See
/// <c>Functional.BatchNorm</c> for the formula. Pass floats by name: PyTorch's
/// positional <c>BatchNorm2d(n, 0.8)</c> sets eps, not momentum, a slip copied through many GAN
/// implementations.
/// </summary>
public abstract class BatchNorm : Module<Tensor, Tensor>
{
    protected BatchNorm(int numFeatures, float eps, float momentum, bool affine, bool trackRunningStats)
    {
        if (numFeatures < 1) throw new ArgumentOutOfRangeException(nameof(numFeatures), $"batch norm needs at least one feature, got {numFeatures}");
        if (!(eps > 0f)) throw new ArgumentOutOfRangeException(nameof(eps), $"batch norm eps must be positive, got {eps}");
        if (!(momentum >= 0f && momentum <= 1f)) throw new ArgumentOutOfRangeException(nameof(momentum), $"batch norm momentum must be in [0, 1], got {momentum}");
        NumFeatures = numFeatures;
        Eps = eps;
        Momentum = momentum;
        if (affine)
        {
            Weight = new Parameter(Tensor.Ones(numFeatures));
            Bias = new Parameter(Tensor.Zeros(numFeatures));
        }
        if (trackRunningStats)
        {
            RunningMean = Tensor.Zeros(numFeatures);
            RunningVar = Tensor.Ones(numFeatures);
        }
    }

    public int NumFeatures { get; }

    public float Eps { get; }

    public float Momentum { get; }

    /// <summary>γ, or null when not affine.</summary>
    public Parameter? Weight { get; }

    /// <summary>β, or null when not affine.</summary>
    public Parameter? Bias { get; }

    /// <summary>Running mean buffer (zeros at start), or null when statistics are not tracked.</summary>
    public Tensor? RunningMean { get; }

    /// <summary>Running variance buffer (ones at start), or null when statistics are not tracked.</summary>
    public Tensor? RunningVar { get; }

    public override Tensor Forward(Tensor input)
    {
        CheckInput(input);
        if (input.Size(1) != NumFeatures)
            throw new ArgumentException($"{GetType().Name}({NumFeatures}) got {input.Size(1)} channels in input of shape {ShapeUtil.Format(input.Shape)}");
        return Functional.BatchNorm(input, RunningMean, RunningVar, Weight, Bias, Training, Momentum, Eps);
    }

    /// <summary>Throws when the input's rank does not suit this layer.</summary>
    protected abstract void CheckInput(Tensor input);
}
