using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>
/// Places x at offset <c>start</c> of a zero tensor whose axis has <c>size</c> entries (the
/// backward of <see cref="Narrow"/>). Its gradient is the narrow of the output gradient.
/// </summary>
internal static class Pad
{
    public static Tensor Apply(Tensor x, int axis, int start, int size)
    {
        var length = x.ShapeRef[axis];
        var shape = x.ShapeArray;
        shape[axis] = size;
        var y = Tensor.Zeros(shape);
        var (outer, inner) = Layout.Split(x.Shape, axis);
        Layout.CopyBlocks(x.AsSpan(), length, 0, y.AsSpan(), size, start, outer, inner, length);
        return Graph.Record(y, "pad", [x], gy => [Narrow.Apply(gy, axis, start, length)]);
    }
}
