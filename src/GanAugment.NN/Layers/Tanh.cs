using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>tanh(x), the usual generator output for data scaled to [-1, 1].</summary>
public sealed class Tanh : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => input.Tanh();
}
