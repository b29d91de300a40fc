using System.Numerics.Tensors;

namespace GanAugment.Tensors.Ops;

/// <summary>σ(x) = 1/(1+e^-x). d/dx = σ(1-σ), from the output.</summary>
internal static class Sigmoid
{
    public static Tensor Apply(Tensor x)
    {
        var y = ElementwiseForward.Unary(x, TensorPrimitives.Sigmoid);
        return Graph.Record(y, "sigmoid", [x], gy => [gy * y * (1f - y)]);
    }
}
