using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>a · b element-wise with broadcasting. d/da = b, d/db = a.</summary>
internal static class Mul
{
    public static Tensor Apply(Tensor a, Tensor b)
    {
        var y = ElementwiseForward.Binary<MulOp>(a, b);
        return Graph.Record(y, "mul", [a, b], gy => [
            Graph.Wants(a) ? (gy * b).SumTo(a.ShapeRef) : null,
            Graph.Wants(b) ? (gy * a).SumTo(b.ShapeRef) : null]);
    }
}
