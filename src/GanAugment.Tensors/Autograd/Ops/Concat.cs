using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>Joins tensors along an axis. Each input's gradient is its slice of the output gradient.</summary>
internal static class Concat
{
    public static Tensor Apply(IReadOnlyList<Tensor> xs, int axis)
    {
        if (xs.Count == 0) throw new ArgumentException("concat needs at least one tensor");
        var first = xs[0];
        var ax = ShapeUtil.Axis(axis, first.Rank);
        var total = 0;
        foreach (var t in xs)
        {
            if (t.Rank != first.Rank) throw new ArgumentException($"concat of tensors of rank {first.Rank} and {t.Rank}");
            for (var i = 0; i < t.Rank; i++)
                if (i != ax && t.ShapeRef[i] != first.ShapeRef[i])
                    throw new ArgumentException($"concat along axis {axis}: shapes {ShapeUtil.Format(first.Shape)} and {ShapeUtil.Format(t.Shape)} differ elsewhere");
            total += t.ShapeRef[ax];
        }
        var shape = first.ShapeArray;
        shape[ax] = total;
        var y = Tensor.Empty(shape);
        var (outer, inner) = Layout.Split(shape, ax);
        var offsets = new int[xs.Count];
        var at = 0;
        for (var k = 0; k < xs.Count; k++)
        {
            offsets[k] = at;
            var len = xs[k].ShapeRef[ax];
            Layout.CopyBlocks(xs[k].AsSpan(), len, 0, y.AsSpan(), total, at, outer, inner, len);
            at += len;
        }
        var inputs = xs.ToArray();
        return Graph.Record(y, "concat", inputs, gy =>
        {
            var grads = new Tensor?[inputs.Length];
            for (var k = 0; k < inputs.Length; k++)
                if (Graph.Wants(inputs[k])) grads[k] = Narrow.Apply(gy, ax, offsets[k], inputs[k].ShapeRef[ax]);
            return grads;
        });
    }
}
