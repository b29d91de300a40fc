using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>1 / (1 + e^-x). A discriminator trained with a logits loss should not end with it.</summary>
public sealed class Sigmoid : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => input.Sigmoid();
}
