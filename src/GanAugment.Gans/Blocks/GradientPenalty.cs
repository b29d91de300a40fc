using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>
/// The WGAN-GP penalty (Gulrajani et al. 2017, https://arxiv.org/abs/1704.00028, Alg. 1):
/// λ·E[(‖∇ D(x̂)‖₂ − 1)²] at x̂ = εx + (1−ε)x̃ with ε ~ U[0, 1] drawn once per sample (not per
/// pixel, not per batch). The gradient is taken with createGraph, so the critic's update
/// differentiates through it (true second-order gradients).
/// </summary>
public static class GradientPenalty
{
    public static Tensor Compute(Func<Tensor, Tensor> critic, Tensor real, Tensor fake, Rng rng, float lambda = 10f)
    {
        var n = real.Size(0);
        var epsShape = new int[real.Rank];
        Array.Fill(epsShape, 1);
        epsShape[0] = n;
        var eps = Tensor.Rand(rng, epsShape);
        var mixed = (real.Detach() * eps + fake.Detach() * (1f - eps)).RequiresGrad_();
        var scores = critic(mixed);
        var grad = Autograd.Grad([scores], [mixed], [Tensor.OnesLike(scores)], createGraph: true)[0]!;
        // NOTE: the 1e-12 keeps sqrt differentiable where a gradient is exactly 0 (no NaN from 1/√0).
        var norm = (grad.Reshape(n, -1).Square().Sum(1) + 1e-12f).Sqrt();
        return (norm - 1f).Square().Mean() * lambda;
    }
}
