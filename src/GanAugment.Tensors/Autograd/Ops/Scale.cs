using System.Numerics.Tensors;

namespace GanAugment.Tensors.Ops;

/// <summary>x · s + c for scalars s, c (negation, scalar add and multiply). d/dx = s.</summary>
internal static class Scale
{
    public static Tensor Apply(Tensor x, float s, float c)
    {
        var y = Tensor.Empty(x.ShapeRef);
        if (c == 0) TensorPrimitives.Multiply(x.AsSpan(), s, y.AsSpan());
        else if (s == 1) TensorPrimitives.Add(x.AsSpan(), c, y.AsSpan());
        else
        {
            TensorPrimitives.Multiply(x.AsSpan(), s, y.AsSpan());
            TensorPrimitives.Add(y.AsSpan(), c, y.AsSpan());
        }
        return Graph.Record(y, "scale", [x], gy => [s == 1 ? gy : Apply(gy, s, 0)]);
    }
}
