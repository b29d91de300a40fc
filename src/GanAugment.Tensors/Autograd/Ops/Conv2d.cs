using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>
/// 2-D cross-correlation of NCHW x with weight [Cout, Cin, kh, kw] (no bias). Conv, its input
/// gradient (<see cref="ConvInputGrad"/>, which is also the transposed convolution) and its
/// weight gradient (<see cref="ConvWeightGrad"/>) are bilinear and each one's backward is
/// written with the other two, so all three are differentiable to any order.
/// </summary>
internal static class Conv2d
{
    public static Tensor Apply(Tensor x, Tensor w, ConvGeometry g)
    {
        var y = Tensor.Empty([g.Batch, g.OutChannels, g.OutHeight, g.OutWidth]);
        FlopCounter.Add((long)g.Flops);
        Conv2dKernels.Forward(x.AsSpan(), w.AsSpan(), y.AsSpan(), in g);
        return Graph.Record(y, "conv2d", [x, w], gy => [
            Graph.Wants(x) ? ConvInputGrad.Apply(gy, w, g) : null,
            Graph.Wants(w) ? ConvWeightGrad.Apply(x, gy, g) : null]);
    }

    /// <summary>The geometry of a conv of <paramref name="x"/> by <paramref name="w"/>, with shape checks.</summary>
    public static ConvGeometry Geometry(Tensor x, Tensor w, int strideH, int strideW, int padH, int padW)
    {
        if (x.Rank != 4) throw new ArgumentException($"conv2d input must be NCHW, got {ShapeUtil.Format(x.Shape)}");
        if (w.Rank != 4) throw new ArgumentException($"conv2d weight must be [out, in, kh, kw], got {ShapeUtil.Format(w.Shape)}");
        if (w.Size(1) != x.Size(1))
            throw new ArgumentException($"conv2d weight {ShapeUtil.Format(w.Shape)} expects {w.Size(1)} input channels, input {ShapeUtil.Format(x.Shape)} has {x.Size(1)}");
        return new ConvGeometry(x.Size(0), x.Size(1), x.Size(2), x.Size(3), w.Size(0), w.Size(2), w.Size(3), strideH, strideW, padH, padW);
    }
}
