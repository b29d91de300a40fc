using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>
/// The backward of <see cref="Gather"/>: a zero tensor with <c>size</c> entries along the axis
/// where g[.., j, ..] is added at index[.., j, ..]. Its gradient is a gather.
/// </summary>
internal static class ScatterAdd
{
    public static Tensor Apply(Tensor g, int axis, int[] index, int size)
    {
        var shape = g.ShapeArray;
        shape[axis] = size;
        var y = Tensor.Zeros(shape);
        var (outer, inner) = Layout.Split(g.Shape, axis);
        var k = g.ShapeRef[axis];
        var src = g.AsSpan();
        var dst = y.AsSpan();
        for (var o = 0; o < outer; o++)
            for (var j = 0; j < k; j++)
                for (var i = 0; i < inner; i++)
                {
                    var at = (o * k + j) * inner + i;
                    dst[(o * size + index[at]) * inner + i] += src[at];
                }
        return Graph.Record(y, "scatter_add", [g], gy => [Gather.Apply(gy, axis, index, g.ShapeArray)]);
    }
}
