using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>
/// max(x, 0) + slope·min(x, 0) (ReLU is slope 0). d/dx is the constant mask 1 or slope
/// (1 is not taken at x = 0, as in PyTorch), so the gradient is <see cref="LeakyReluGrad"/> of gy
/// and the second derivative is 0.
/// </summary>
internal static class LeakyRelu
{
    public static Tensor Apply(Tensor x, float slope)
    {
        if (slope is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(slope), $"leaky ReLU slope must be in [0, 1), got {slope}");
        var y = Tensor.Empty(x.ShapeRef);
        ActivationKernels.LeakyRelu(x.AsSpan(), slope, y.AsSpan());
        return Graph.Record(y, slope == 0 ? "relu" : "leaky_relu", [x], gy => [LeakyReluGrad.Apply(gy, x, slope)]);
    }
}
