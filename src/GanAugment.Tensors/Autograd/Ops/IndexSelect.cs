using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>
/// Picks entries <c>index</c> along an axis (embedding lookup). The gradient is scattered back
/// with <see cref="IndexAdd"/>, adding where an index repeats.
/// </summary>
internal static class IndexSelect
{
    public static Tensor Apply(Tensor x, int axis, int[] index)
    {
        var ax = ShapeUtil.Axis(axis, x.Rank);
        var size = x.ShapeRef[ax];
        foreach (var i in index)
            if (i < 0 || i >= size) throw new ArgumentOutOfRangeException(nameof(index), $"index {i} is out of range for axis {axis} of size {size}");
        var shape = x.ShapeArray;
        shape[ax] = index.Length;
        var y = Tensor.Empty(shape);
        var (outer, inner) = Layout.Split(x.Shape, ax);
        for (var j = 0; j < index.Length; j++)
            Layout.CopyBlocks(x.AsSpan(), size, index[j], y.AsSpan(), index.Length, j, outer, inner, 1);
        return Graph.Record(y, "index_select", [x], gy => [IndexAdd.Apply(gy, ax, index, size)]);
    }
}
