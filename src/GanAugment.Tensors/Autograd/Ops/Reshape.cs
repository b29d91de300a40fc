namespace GanAugment.Tensors.Ops;

/// <summary>A new shape over the same storage (free). The gradient is reshaped back.</summary>
internal static class Reshape
{
    public static Tensor Apply(Tensor x, int[] shape)
    {
        var target = ShapeUtil.InferReshape(shape, x.Numel);
        if (ShapeUtil.SameShape(x.Shape, target)) return x;
        var y = View(x, target);
        return Graph.Record(y, "reshape", [x], gy => [Apply(gy, x.ShapeRef)]);
    }

    /// <summary>The same storage under a shape of equal size, with no graph.</summary>
    public static Tensor View(Tensor x, int[] shape) => new(x.Storage, shape);
}
