using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>The slice [start, start+length) along one axis (a copy). The gradient is padded back with zeros.</summary>
internal static class Narrow
{
    public static Tensor Apply(Tensor x, int axis, int start, int length)
    {
        var ax = ShapeUtil.Axis(axis, x.Rank);
        var size = x.ShapeRef[ax];
        if (start < 0 || length < 0 || start + length > size)
            throw new ArgumentOutOfRangeException(nameof(start), $"narrow [{start}, {start + length}) is outside axis {axis} of size {size}");
        if (start == 0 && length == size) return x;
        var shape = x.ShapeArray;
        shape[ax] = length;
        var y = Tensor.Empty(shape);
        var (outer, inner) = Layout.Split(x.Shape, ax);
        Layout.CopyBlocks(x.AsSpan(), size, start, y.AsSpan(), length, 0, outer, inner, length);
        return Graph.Record(y, "narrow", [x], gy => [Pad.Apply(gy, ax, start, size)],
            (gy, into) => Layout.AddBlocks(gy.AsSpan(), length, 0, into.AsSpan(), size, start, outer, inner, length));
    }
}
