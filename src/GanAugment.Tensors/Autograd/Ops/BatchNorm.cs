using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors.Ops;

/// <summary>
/// Batch normalisation with batch statistics, y = (x − μ)·r·w + b with r = 1/√(σ² + eps), μ and
/// the biased σ² taken per channel (axis 1) over every other axis. NOTE: a primitive for speed:
/// the composed form took some fifteen passes forward and more backward; the kernels take three
/// and two. The fused backward runs when no graph is being built; under createGraph the gradient
/// is written in tensor ops (x̂ and r recomputed from x), so it can be differentiated again.
/// </summary>
internal static class BatchNorm
{
    /// <summary>Normalises <paramref name="x"/>; the batch mean and biased variance go to the spans given.</summary>
    public static Tensor Apply(Tensor x, Tensor? weight, Tensor? bias, float eps, Span<float> batchMean, Span<float> batchVariance)
    {
        var (n, c, s) = View(x);
        var y = Tensor.Empty(x.ShapeRef);
        var mean = Tensor.Empty([c]);
        var invStd = Tensor.Empty([c]);
        BatchNormKernels.Forward(x.AsSpan(), Span(weight), Span(bias), n, c, s, eps, y.AsSpan(), mean.AsSpan(), batchVariance, invStd.AsSpan());
        mean.AsSpan().CopyTo(batchMean);
        Tensor[] inputs = weight is null ? bias is null ? [x] : [x, bias] : bias is null ? [x, weight] : [x, weight, bias];
        return Graph.Record(y, "batch_norm", inputs, gy =>
        {
            var (gx, gw, gb) = Autograd.IsEnabled
                ? Composed(gy, x, weight, bias, eps)
                : Fused(gy, x, weight, bias, mean, invStd, n, c, s);
            return weight is null ? bias is null ? [gx] : [gx, gb] : bias is null ? [gx, gw] : [gx, gw, gb];
        });
    }

    /// <summary>x as [n, c, s]: batch, channels, and the product of the remaining axes.</summary>
    public static (int N, int C, int S) View(Tensor x)
    {
        if (x.Rank < 2) throw new ArgumentException($"batch norm needs an input of rank 2 or more [N, C, ...], got shape {ShapeUtil.Format(x.Shape)}");
        var c = x.ShapeRef[1];
        var n = x.ShapeRef[0];
        return (n, c, c == 0 || n == 0 ? 0 : x.Numel / (n * c));
    }

    private static ReadOnlySpan<float> Span(Tensor? t) => t is null ? [] : t.AsSpan();

    private static (Tensor? Gx, Tensor? Gw, Tensor? Gb) Fused(Tensor gy, Tensor x, Tensor? w, Tensor? b, Tensor mean, Tensor invStd, int n, int c, int s)
    {
        var gx = Graph.Wants(x) ? Tensor.Empty(x.ShapeRef) : null;
        var gw = w is not null && Graph.Wants(w) ? Tensor.Empty([c]) : null;
        var gb = b is not null && Graph.Wants(b) ? Tensor.Empty([c]) : null;
        BatchNormKernels.Backward(gy.AsSpan(), x.AsSpan(), mean.AsSpan(), invStd.AsSpan(), Span(w), n, c, s,
            gx is null ? [] : gx.AsSpan(), gw is null ? [] : gw.AsSpan(), gb is null ? [] : gb.AsSpan());
        return (gx, gw, gb);
    }

    /// <summary>
    /// The same gradients in differentiable tensor ops: with x̂ = (x − μ)·r and ĝ = gy·w,
    /// gx = r·(ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)), gw = Σ gy·x̂, gb = Σ gy.
    /// </summary>
    private static (Tensor? Gx, Tensor? Gw, Tensor? Gb) Composed(Tensor gy, Tensor x, Tensor? w, Tensor? b, float eps)
    {
        var axes = new int[x.Rank - 1];
        for (var i = 0; i < axes.Length; i++) axes[i] = i == 0 ? 0 : i + 1;
        var perChannel = new int[x.Rank];
        Array.Fill(perChannel, 1);
        perChannel[1] = x.ShapeRef[1];
        var centered = x - x.Mean(axes, keepDim: true);
        var r = (centered.Square().Mean(axes, keepDim: true) + eps).Pow(-0.5f);
        var xHat = centered * r;
        var gHat = w is null ? gy : gy * w.Reshape(perChannel);
        var gx = Graph.Wants(x) ? r * (gHat - gHat.Mean(axes, keepDim: true) - xHat * (gHat * xHat).Mean(axes, keepDim: true)) : null;
        var gw = w is not null && Graph.Wants(w) ? (gy * xHat).Sum(axes) : null;
        var gb = b is not null && Graph.Wants(b) ? gy.Sum(axes) : null;
        return (gx, gw, gb);
    }
}
