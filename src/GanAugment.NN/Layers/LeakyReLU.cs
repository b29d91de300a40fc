using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>max(x, 0) + negativeSlope·min(x, 0) (Maas et al. 2013); DCGAN's discriminator uses 0.2.</summary>
public sealed class LeakyReLU : Module<Tensor, Tensor>
{
    public LeakyReLU(float negativeSlope = 0.01f)
    {
        if (!(negativeSlope >= 0f && negativeSlope < 1f))
            throw new ArgumentOutOfRangeException(nameof(negativeSlope), $"leaky ReLU slope must be in [0, 1), got {negativeSlope}");
        NegativeSlope = negativeSlope;
    }

    public float NegativeSlope { get; }

    public override Tensor Forward(Tensor input) => input.LeakyRelu(NegativeSlope);
}
