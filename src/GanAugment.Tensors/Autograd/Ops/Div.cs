using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>a / b element-wise with broadcasting. d/da = 1/b, d/db = -a/b².</summary>
internal static class Div
{
    public static Tensor Apply(Tensor a, Tensor b)
    {
        var y = ElementwiseForward.Binary<DivOp>(a, b);
        return Graph.Record(y, "div", [a, b], gy => [
            Graph.Wants(a) ? (gy / b).SumTo(a.ShapeRef) : null,
            Graph.Wants(b) ? (-gy * a / (b * b)).SumTo(b.ShapeRef) : null]);
    }
}
