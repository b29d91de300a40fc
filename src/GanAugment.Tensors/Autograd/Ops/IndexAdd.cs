using System.Numerics.Tensors;
using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>
/// A zero tensor with <c>size</c> entries along an axis into which slice j of g is added at
/// <c>index[j]</c> (the backward of <see cref="IndexSelect"/>; its own gradient is an index-select).
/// </summary>
internal static class IndexAdd
{
    public static Tensor Apply(Tensor g, int axis, int[] index, int size)
    {
        var shape = g.ShapeArray;
        shape[axis] = size;
        var y = Tensor.Zeros(shape);
        var (outer, inner) = Layout.Split(g.Shape, axis);
        var src = g.AsSpan();
        var dst = y.AsSpan();
        for (var o = 0; o < outer; o++)
            for (var j = 0; j < index.Length; j++)
            {
                var d = dst.Slice((o * size + index[j]) * inner, inner);
                TensorPrimitives.Add(d, src.Slice((o * index.Length + j) * inner, inner), d);
            }
        return Graph.Record(y, "index_add", [g], gy => [IndexSelect.Apply(gy, axis, index)]);
    }
}
