namespace GanAugment.Tensors.Ops;

/// <summary>
/// Nearest-neighbour upsampling of NCHW by an integer factor: each pixel becomes an s×s block.
/// The gradient sums each block (<see cref="SumPool"/>).
/// </summary>
internal static class UpsampleNearest
{
    public static Tensor Apply(Tensor x, int scale)
    {
        if (x.Rank != 4) throw new ArgumentException($"upsample expects NCHW, got shape {ShapeUtil.Format(x.Shape)}");
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), "scale factor must be at least 1");
        if (scale == 1) return x;
        int planes = x.ShapeRef[0] * x.ShapeRef[1], h = x.ShapeRef[2], w = x.ShapeRef[3];
        int oh = h * scale, ow = w * scale;
        var y = Tensor.Empty([x.ShapeRef[0], x.ShapeRef[1], oh, ow]);
        var src = x.AsSpan();
        var dst = y.AsSpan();
        for (var p = 0; p < planes; p++)
            for (var r = 0; r < oh; r++)
            {
                var srcRow = src.Slice((p * h + r / scale) * w, w);
                var dstRow = dst.Slice((p * oh + r) * ow, ow);
                for (var c = 0; c < ow; c++) dstRow[c] = srcRow[c / scale];
            }
        return Graph.Record(y, "upsample_nearest", [x], gy => [SumPool.Apply(gy, scale)]);
    }
}
