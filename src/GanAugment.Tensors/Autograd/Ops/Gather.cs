using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>
/// y[.., j, ..] = x[.., index[.., j, ..], ..] along one axis (PyTorch <c>gather</c>); the index
/// has x's shape except along that axis. The gradient is a <see cref="ScatterAdd"/>.
/// </summary>
internal static class Gather
{
    public static Tensor Apply(Tensor x, int axis, int[] index, int[] indexShape)
    {
        var ax = ShapeUtil.Axis(axis, x.Rank);
        CheckIndex(x.ShapeRef, ax, index, indexShape, x.ShapeRef[ax]);
        var y = Tensor.Empty((int[])indexShape.Clone());
        var (outer, inner) = Layout.Split(indexShape, ax);
        int k = indexShape[ax], size = x.ShapeRef[ax];
        var src = x.AsSpan();
        var dst = y.AsSpan();
        for (var o = 0; o < outer; o++)
            for (var j = 0; j < k; j++)
                for (var i = 0; i < inner; i++)
                {
                    var at = (o * k + j) * inner + i;
                    dst[at] = src[(o * size + index[at]) * inner + i];
                }
        return Graph.Record(y, "gather", [x], gy => [ScatterAdd.Apply(gy, ax, index, size)]);
    }

    public static void CheckIndex(int[] shape, int ax, int[] index, int[] indexShape, int size)
    {
        if (indexShape.Length != shape.Length || ShapeUtil.Numel(indexShape) != index.Length)
            throw new ArgumentException($"index of shape {ShapeUtil.Format(indexShape)} does not fit a tensor of shape {ShapeUtil.Format(shape)}");
        for (var i = 0; i < shape.Length; i++)
            if (i != ax && indexShape[i] != shape[i])
                throw new ArgumentException($"index shape {ShapeUtil.Format(indexShape)} must match {ShapeUtil.Format(shape)} except along axis {ax}");
        foreach (var v in index)
            if (v < 0 || v >= size) throw new ArgumentOutOfRangeException(nameof(index), $"index {v} is out of range for axis {ax} of size {size}");
    }
}
