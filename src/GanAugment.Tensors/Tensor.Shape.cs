using GanAugment.Tensors.Ops;

namespace GanAugment.Tensors;

// Shape operations.
public partial class Tensor
{
    /// <summary>Same values in a new shape; one entry may be -1. Shares storage.</summary>
    public Tensor Reshape(params int[] shape) => Ops.Reshape.Apply(this, shape);

    /// <summary>Alias of <see cref="Reshape"/> (storage is always contiguous).</summary>
    public Tensor View(params int[] shape) => Ops.Reshape.Apply(this, shape);

    /// <summary>[N, d1, d2, ...] to [N, d1·d2·...].</summary>
    public Tensor Flatten(int startDim = 1)
    {
        var s = ShapeUtil.Axis(startDim, Rank);
        var shape = new int[s + 1];
        for (var i = 0; i < s; i++) shape[i] = ShapeRef[i];
        shape[s] = -1;
        return Reshape(shape);
    }

    public Tensor Permute(params int[] axes) => Ops.Permute.Apply(this, axes);

    public Tensor Transpose(int axis0, int axis1)
    {
        var p = new int[Rank];
        for (var i = 0; i < Rank; i++) p[i] = i;
        (p[ShapeUtil.Axis(axis0, Rank)], p[ShapeUtil.Axis(axis1, Rank)]) = (p[ShapeUtil.Axis(axis1, Rank)], p[ShapeUtil.Axis(axis0, Rank)]);
        return Permute(p);
    }

    /// <summary>Transpose of a 2-D tensor.</summary>
    public Tensor T() => Rank == 2 ? Transpose(0, 1) : throw new InvalidOperationException($"T() needs a 2-D tensor, got {ShapeUtil.Format(Shape)}");

    public Tensor Narrow(int axis, int start, int length) => Ops.Narrow.Apply(this, axis, start, length);

    /// <summary>Entries [start, end) along an axis (Python slicing without steps).</summary>
    public Tensor Slice(int axis, int start, int end) => Narrow(axis, start, end - start);

    public Tensor Expand(params int[] shape) => Ops.Expand.Apply(this, ShapeUtil.Broadcast(Shape, shape));

    public Tensor Squeeze(int axis)
    {
        var ax = ShapeUtil.Axis(axis, Rank);
        if (ShapeRef[ax] != 1) return this;
        var s = ShapeRef.ToList();
        s.RemoveAt(ax);
        return Reshape([.. s]);
    }

    public Tensor Unsqueeze(int axis)
    {
        var ax = ShapeUtil.Axis(axis, Rank + 1);
        var s = ShapeRef.ToList();
        s.Insert(ax, 1);
        return Reshape([.. s]);
    }

    public static Tensor Concat(IReadOnlyList<Tensor> tensors, int axis = 0) => Ops.Concat.Apply(tensors, axis);

    /// <summary>Joins same-shaped tensors along a new axis.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int axis = 0)
    {
        if (tensors.Count == 0) throw new ArgumentException("stack needs at least one tensor");
        var ax = ShapeUtil.Axis(axis, tensors[0].Rank + 1);
        var parts = new Tensor[tensors.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!ShapeUtil.SameShape(tensors[i].Shape, tensors[0].Shape))
                throw new ArgumentException($"stack of shapes {ShapeUtil.Format(tensors[0].Shape)} and {ShapeUtil.Format(tensors[i].Shape)}");
            parts[i] = tensors[i].Unsqueeze(ax);
        }
        return Concat(parts, ax);
    }

    /// <summary>Splits into pieces of <paramref name="size"/> along an axis (the last may be smaller).</summary>
    public Tensor[] Chunk(int size, int axis = 0)
    {
        var ax = ShapeUtil.Axis(axis, Rank);
        var parts = new List<Tensor>();
        for (var s = 0; s < ShapeRef[ax]; s += size) parts.Add(Narrow(ax, s, Math.Min(size, ShapeRef[ax] - s)));
        return [.. parts];
    }

    public Tensor IndexSelect(int axis, int[] index) => Ops.IndexSelect.Apply(this, axis, index);

    /// <summary>PyTorch <c>gather</c>: index has this tensor's shape except along <paramref name="axis"/>.</summary>
    public Tensor Gather(int axis, int[] index, int[] indexShape) => Ops.Gather.Apply(this, axis, index, indexShape);

    /// <summary>One-hot rows [labels.Length, classes] as a constant tensor.</summary>
    public static Tensor OneHot(int[] labels, int classes)
    {
        var t = Zeros(labels.Length, classes);
        var s = t.AsSpan();
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0 || labels[i] >= classes)
                throw new ArgumentOutOfRangeException(nameof(labels), $"label {labels[i]} is out of range for {classes} classes");
            s[i * classes + labels[i]] = 1f;
        }
        return t;
    }

    public Tensor UpsampleNearest(int scale) => Ops.UpsampleNearest.Apply(this, scale);
}
