using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>
/// y = x·Wᵀ + b for x [..., in], W [out, in], b [out] (PyTorch <c>nn.Linear</c>), initialised as
/// PyTorch: W by Kaiming uniform with a = √5 (U(±1/√in)) and b U(±1/√in).
/// </summary>
public sealed class Linear : Module<Tensor, Tensor>
{
    public Linear(int inFeatures, int outFeatures, Rng rng, bool bias = true)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (inFeatures < 1 || outFeatures < 1)
            throw new ArgumentOutOfRangeException(nameof(inFeatures), $"Linear needs positive sizes, got {inFeatures} -> {outFeatures}");
        Weight = new Parameter(Tensor.Zeros(outFeatures, inFeatures));
        if (bias) Bias = new Parameter(Tensor.Zeros(outFeatures));
        Init.DefaultLayer_(Weight, Bias, rng);
    }

    public int InFeatures => Weight.Size(1);

    public int OutFeatures => Weight.Size(0);

    /// <summary>[out, in].</summary>
    public Parameter Weight { get; }

    /// <summary>[out], or null without bias.</summary>
    public Parameter? Bias { get; }

    public override Tensor Forward(Tensor input)
    {
        if (input.Rank == 0 || input.Size(-1) != InFeatures)
            throw new ArgumentException($"Linear({InFeatures}, {OutFeatures}) got input of shape {ShapeUtil.Format(input.Shape)}");
        return Functional.Linear(input, Weight, Bias);
    }
}
