using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>Broadcasts x to a larger shape (a copy). The gradient is summed back over the broadcast axes.</summary>
internal static class Expand
{
    public static Tensor Apply(Tensor x, int[] shape)
    {
        if (ShapeUtil.SameShape(x.Shape, shape)) return x;
        var y = Tensor.Empty((int[])shape.Clone());
        Broadcasting.Binary<SecondOp>(x.AsSpan(), x.ShapeRef, x.AsSpan(), x.ShapeRef, y.AsSpan(), y.ShapeRef);
        return Graph.Record(y, "expand", [x], gy => [gy.SumTo(x.ShapeRef)]);
    }

    /// <summary>Sums <paramref name="g"/> down to <paramref name="shape"/>, the reverse of broadcasting.</summary>
    public static Tensor SumTo(Tensor g, int[] shape)
    {
        if (ShapeUtil.SameShape(g.Shape, shape)) return g;
        var lead = g.Rank - shape.Length;
        if (lead < 0) throw new ArgumentException($"cannot sum shape {ShapeUtil.Format(g.Shape)} to the larger rank of {ShapeUtil.Format(shape)}");
        var axes = new List<int>();
        for (var i = 0; i < g.Rank; i++)
            if (i < lead || (shape[i - lead] == 1 && g.Shape[i] != 1)) axes.Add(i);
        var s = axes.Count == 0 ? g : Sum.Apply(g, [.. axes], keepDim: true);
        return Reshape.Apply(s, shape);
    }
}
