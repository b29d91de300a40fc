using System.Numerics.Tensors;

namespace GanAugment.Tensors.Ops;

/// <summary>x · s + c for scalars s, c (negation, scalar add and multiply). d/dx = s.</summary>
internal static class Scale
{
    public static Tensor Apply(Tensor x, float s, float c)
    {
        var y = c == 0 ? ElementwiseForward.Unary(x, (a, d) => TensorPrimitives.Multiply(a, s, d))
            : s == 1 ? ElementwiseForward.Unary(x, (a, d) => TensorPrimitives.Add(a, c, d))
            : ElementwiseForward.Unary(x, (a, d) =>
            {
                TensorPrimitives.Multiply(a, s, d);
                TensorPrimitives.Add(d, c, d);
            });
        return Graph.Record(y, "scale", [x], gy => [s == 1 ? gy : Apply(gy, s, 0)]);
    }
}
