namespace GanAugment.Tensors.Ops;

/// <summary>
/// cond ? a : b element-wise with broadcasting, cond a constant 0/1 tensor. The gradient goes to
/// a where cond holds and to b elsewhere. Selection (not a·cond + b·(1-cond)) keeps inf/NaN in
/// the branch not taken from leaking into the result.
/// </summary>
internal static class Where
{
    public static Tensor Apply(Tensor cond, Tensor a, Tensor b)
    {
        var shape = ShapeUtil.Broadcast(ShapeUtil.Broadcast(cond.Shape, a.Shape), b.Shape);
        Tensor c, x, z;
        using (Autograd.NoGrad())
        {
            c = cond.Expand(shape);
            x = a.Expand(shape);
            z = b.Expand(shape);
        }
        var y = Tensor.Empty(shape);
        var cs = c.AsSpan();
        var xs = x.AsSpan();
        var zs = z.AsSpan();
        var ys = y.AsSpan();
        for (var i = 0; i < ys.Length; i++) ys[i] = cs[i] != 0 ? xs[i] : zs[i];
        return Graph.Record(y, "where", [a, b], gy =>
        {
            var zero = Tensor.ZerosLike(gy);
            return [
                Graph.Wants(a) ? Apply(c, gy, zero).SumTo(a.ShapeRef) : null,
                Graph.Wants(b) ? Apply(c, zero, gy).SumTo(b.ShapeRef) : null];
        });
    }
}
