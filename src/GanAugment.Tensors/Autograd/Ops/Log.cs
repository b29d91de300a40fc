using System.Numerics.Tensors;

namespace GanAugment.Tensors.Ops;

/// <summary>Natural log. d/dx = 1/x.</summary>
internal static class Log
{
    public static Tensor Apply(Tensor x)
    {
        var y = ElementwiseForward.Unary(x, TensorPrimitives.Log);
        return Graph.Record(y, "log", [x], gy => [gy / x]);
    }
}
