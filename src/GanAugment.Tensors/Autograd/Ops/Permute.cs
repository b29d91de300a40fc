using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>Reorders axes (a copy): output axis i is input axis perm[i]. The gradient takes the inverse permutation.</summary>
internal static class Permute
{
    public static Tensor Apply(Tensor x, int[] perm)
    {
        if (perm.Length != x.Rank) throw new ArgumentException($"permutation of {perm.Length} axes for a tensor of rank {x.Rank}");
        var p = new int[perm.Length];
        var seen = new bool[perm.Length];
        for (var i = 0; i < perm.Length; i++)
        {
            p[i] = ShapeUtil.Axis(perm[i], x.Rank);
            if (seen[p[i]]) throw new ArgumentException($"axis {perm[i]} repeated in permutation");
            seen[p[i]] = true;
        }
        var identity = true;
        for (var i = 0; i < p.Length; i++) identity &= p[i] == i;
        if (identity) return x;
        var shape = new int[p.Length];
        for (var i = 0; i < p.Length; i++) shape[i] = x.ShapeRef[p[i]];
        var y = Tensor.Empty(shape);
        Layout.Permute(x.AsSpan(), x.ShapeRef, p, y.AsSpan());
        var inverse = new int[p.Length];
        for (var i = 0; i < p.Length; i++) inverse[p[i]] = i;
        return Graph.Record(y, "permute", [x], gy => [Apply(gy, inverse)]);
    }
}
