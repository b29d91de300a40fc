using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>
/// Maximum over a set of axes. The gradient goes to the elements equal to the maximum (shared
/// equally on ties, like <c>torch.amax</c>), through a constant mask.
/// </summary>
internal static class Max
{
    public static Tensor Apply(Tensor x, int[] axes, bool keepDim)
    {
        if (x.Numel == 0) throw new ArgumentException("max of an empty tensor");
        var reduced = Sum.ReducedMask(x.Rank, axes);
        var keptShape = Sum.KeptShape(x.ShapeRef, reduced);
        var y = Tensor.Empty(keptShape);
        Reductions.Reduce<MaxReduce>(x.AsSpan(), x.ShapeRef, reduced, y.AsSpan());
        var result = keepDim ? y : Reshape.View(y, Sum.DropShape(x.ShapeRef, reduced));
        return Graph.Record(result, "max", [x], gy =>
        {
            var hit = Compare.Equal(x, y);
            var count = hit.Sum(axes, keepDim: true).Detach();
            return [gy.Reshape(keptShape) * hit / count];
        });
    }
}
