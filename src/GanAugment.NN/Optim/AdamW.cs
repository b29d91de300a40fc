using GanAugment.Tensors;

namespace GanAugment.NN.Optim;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov and Hutter 2019, https://arxiv.org/abs/1711.05101),
/// exactly as <c>torch.optim.AdamW</c>: before the Adam update of <see cref="Adam"/> (run with
/// λ = 0), the parameter shrinks, θ = θ (1 − γ λ). PyTorch's default λ is 0.01.
/// </summary>
public sealed class AdamW : Adam
{
    public AdamW(
        IEnumerable<Parameter> parameters,
        double lr = 1e-3,
        double beta1 = 0.9,
        double beta2 = 0.999,
        double eps = 1e-8,
        double weightDecay = 1e-2,
        bool amsgrad = false)
        : base(parameters, lr, beta1, beta2, eps, weightDecay, amsgrad, decoupledWeightDecay: true)
    {
    }
}
