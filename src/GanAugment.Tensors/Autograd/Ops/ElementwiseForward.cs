using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>Forward helpers shared by the element-wise ops (split over the engine threads when long).</summary>
internal static class ElementwiseForward
{
    public static Tensor Binary<TOp>(Tensor a, Tensor b) where TOp : struct, IBinaryOp
    {
        var shape = ShapeUtil.SameShape(a.Shape, b.Shape) ? a.ShapeRef : ShapeUtil.Broadcast(a.Shape, b.Shape);
        var y = Tensor.Empty(shape);
        Broadcasting.Binary<TOp>(a.AsSpan(), a.ShapeRef, b.AsSpan(), b.ShapeRef, y.AsSpan(), shape);
        return y;
    }

    public static Tensor Unary(Tensor x, SpanMap map)
    {
        var y = Tensor.Empty(x.ShapeRef);
        ElementwiseKernels.Map(x.AsSpan(), y.AsSpan(), map);
        return y;
    }
}
