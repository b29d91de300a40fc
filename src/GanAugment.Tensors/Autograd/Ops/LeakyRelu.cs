using System.Numerics.Tensors;

namespace GanAugment.Tensors.Ops;

/// <summary>
/// max(x, 0) + slope·min(x, 0) (ReLU is slope 0). d/dx is the constant mask 1 or slope
/// (1 is not taken at x = 0, as in PyTorch), so the second derivative is 0.
/// </summary>
internal static class LeakyRelu
{
    public static Tensor Apply(Tensor x, float slope)
    {
        if (slope is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(slope), $"leaky ReLU slope must be in [0, 1), got {slope}");
        // NOTE: for 0 <= slope < 1, max(x, slope·x) is the activation, in two vector passes.
        var y = ElementwiseForward.Unary(x, (a, d) =>
        {
            TensorPrimitives.Multiply(a, slope, d);
            TensorPrimitives.Max(a, d, d);
        });
        return Graph.Record(y, slope == 0 ? "relu" : "leaky_relu", [x], gy =>
        {
            var mask = ElementwiseForward.Unary(x, (a, d) =>
            {
                for (var i = 0; i < a.Length; i++) d[i] = a[i] > 0 ? 1f : slope;
            });
            return [gy * mask];
        });
    }
}
