using System.Numerics.Tensors;

namespace GanAugment.Tensors.Ops;

/// <summary>√x. d/dx = 1/(2√x), written with the output so it is differentiable again.</summary>
internal static class Sqrt
{
    public static Tensor Apply(Tensor x)
    {
        var y = ElementwiseForward.Unary(x, TensorPrimitives.Sqrt);
        return Graph.Record(y, "sqrt", [x], gy => [gy / y * 0.5f]);
    }
}
