using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>Sum over a set of axes (keepdim or not). The gradient is the output gradient broadcast back.</summary>
internal static class Sum
{
    public static Tensor Apply(Tensor x, int[] axes, bool keepDim)
    {
        var reduced = ReducedMask(x.Rank, axes);
        var keptShape = KeptShape(x.ShapeRef, reduced);
        var y = Tensor.Empty(keptShape);
        Reductions.Reduce<SumReduce>(x.AsSpan(), x.ShapeRef, reduced, y.AsSpan());
        var result = keepDim ? y : Reshape.View(y, DropShape(x.ShapeRef, reduced));
        return Graph.Record(result, "sum", [x], gy => [gy.Reshape(keptShape).Expand(x.ShapeRef)]);
    }

    /// <summary>Which axes are reduced; an empty axis list means all.</summary>
    public static bool[] ReducedMask(int rank, int[] axes)
    {
        var mask = new bool[rank];
        if (axes.Length == 0) Array.Fill(mask, true);
        foreach (var a in axes)
        {
            var ax = ShapeUtil.Axis(a, rank);
            if (mask[ax] && axes.Length > 0) throw new ArgumentException($"axis {a} given twice");
            mask[ax] = true;
        }
        return mask;
    }

    public static int[] KeptShape(int[] shape, bool[] reduced)
    {
        var s = (int[])shape.Clone();
        for (var i = 0; i < s.Length; i++) if (reduced[i]) s[i] = 1;
        return s;
    }

    public static int[] DropShape(int[] shape, bool[] reduced)
    {
        var s = new List<int>();
        for (var i = 0; i < shape.Length; i++) if (!reduced[i]) s.Add(shape[i]);
        return [.. s];
    }
}
