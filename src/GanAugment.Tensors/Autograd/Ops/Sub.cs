using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>a - b with broadcasting. d/da = 1, d/db = -1.</summary>
internal static class Sub
{
    public static Tensor Apply(Tensor a, Tensor b)
    {
        var y = ElementwiseForward.Binary<SubOp>(a, b);
        return Graph.Record(y, "sub", [a, b], gy => [
            Graph.Wants(a) ? gy.SumTo(a.ShapeRef) : null,
            Graph.Wants(b) ? (-gy).SumTo(b.ShapeRef) : null]);
    }
}
