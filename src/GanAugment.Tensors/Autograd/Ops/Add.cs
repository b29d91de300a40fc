using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>a + b with broadcasting. d/da = 1, d/db = 1 (summed over broadcast axes).</summary>
internal static class Add
{
    public static Tensor Apply(Tensor a, Tensor b)
    {
        var y = ElementwiseForward.Binary<AddOp>(a, b);
        return Graph.Record(y, "add", [a, b], gy => [
            Graph.Wants(a) ? gy.SumTo(a.ShapeRef) : null,
            Graph.Wants(b) ? gy.SumTo(b.ShapeRef) : null]);
    }
}
