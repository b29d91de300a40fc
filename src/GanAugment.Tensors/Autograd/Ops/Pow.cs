using System.Numerics.Tensors;

namespace GanAugment.Tensors.Ops;

/// <summary>x^p for a scalar exponent. d/dx = p·x^(p-1).</summary>
internal static class Pow
{
    public static Tensor Apply(Tensor x, float p)
    {
        var y = p == 2f
            ? ElementwiseForward.Unary(x, static (a, d) => TensorPrimitives.Multiply(a, a, d))
            : ElementwiseForward.Unary(x, (a, d) => TensorPrimitives.Pow(a, p, d));
        return Graph.Record(y, "pow", [x], gy => [p == 2f ? gy * x * 2f : gy * Apply(x, p - 1) * p]);
    }
}
