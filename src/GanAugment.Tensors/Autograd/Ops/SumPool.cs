namespace GanAugment.Tensors.Ops;

/// <summary>Sums non-overlapping s×s blocks of NCHW (the backward of nearest upsampling; its gradient is an upsample).</summary>
internal static class SumPool
{
    public static Tensor Apply(Tensor x, int scale)
    {
        int planes = x.ShapeRef[0] * x.ShapeRef[1], h = x.ShapeRef[2], w = x.ShapeRef[3];
        if (h % scale != 0 || w % scale != 0) throw new ArgumentException($"sum pool of {h}x{w} by {scale}");
        int oh = h / scale, ow = w / scale;
        var y = Tensor.Zeros([x.ShapeRef[0], x.ShapeRef[1], oh, ow]);
        var src = x.AsSpan();
        var dst = y.AsSpan();
        for (var p = 0; p < planes; p++)
            for (var r = 0; r < h; r++)
            {
                var srcRow = src.Slice((p * h + r) * w, w);
                var dstRow = dst.Slice((p * oh + r / scale) * ow, ow);
                for (var c = 0; c < w; c++) dstRow[c / scale] += srcRow[c];
            }
        return Graph.Record(y, "sum_pool", [x], gy => [UpsampleNearest.Apply(gy, scale)]);
    }
}
