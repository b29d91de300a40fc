using System.Numerics.Tensors;

namespace GanAugment.Tensors.Ops;

/// <summary>tanh(x). d/dx = 1 - tanh², from the output.</summary>
internal static class Tanh
{
    public static Tensor Apply(Tensor x)
    {
        var y = ElementwiseForward.Unary(x, TensorPrimitives.Tanh);
        return Graph.Record(y, "tanh", [x], gy => [gy * (1f - y * y)]);
    }
}
