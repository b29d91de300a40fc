using System.Numerics.Tensors;
using GanAugment.Tensors;

namespace GanAugment.NN.Optim;

/// <summary>
/// Weight clipping of the original WGAN (Arjovsky et al. 2017, https://arxiv.org/abs/1701.07875,
/// Algorithm 1, c = 0.01): after each critic step every weight is clamped to [−c, c], a crude way
/// to keep the critic Lipschitz.
/// </summary>
public static class WeightClipping
{
    /// <summary>θ = clamp(θ, −c, c) in place for every parameter (NaN stays NaN).</summary>
    public static void Clamp_(IEnumerable<Parameter> parameters, double c)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        HyperParameters.NonNegative(c, nameof(c));
        var limit = (float)c;
        foreach (var p in parameters)
        {
            var values = p.AsSpan();
            TensorPrimitives.Clamp(values, -limit, limit, values);
        }
    }
}
