using System.Numerics.Tensors;

namespace GanAugment.Tensors.Ops;

/// <summary>exp(x). d/dx = exp(x), the output itself.</summary>
internal static class Exp
{
    public static Tensor Apply(Tensor x)
    {
        var y = ElementwiseForward.Unary(x, TensorPrimitives.Exp);
        return Graph.Record(y, "exp", [x], gy => [gy * y]);
    }
}
