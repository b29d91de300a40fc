using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>Element-wise max(a, b) with broadcasting; the gradient goes to a where a ≥ b, else to b.</summary>
internal static class Maximum
{
    public static Tensor Apply(Tensor a, Tensor b)
    {
        var y = ElementwiseForward.Binary<MaxOp>(a, b);
        return Graph.Record(y, "maximum", [a, b], gy =>
        {
            var takeA = Compare.GreaterEqual(a, b);
            return [
                Graph.Wants(a) ? (gy * takeA).SumTo(a.ShapeRef) : null,
                Graph.Wants(b) ? (gy * (1f - takeA)).SumTo(b.ShapeRef) : null];
        });
    }
}
