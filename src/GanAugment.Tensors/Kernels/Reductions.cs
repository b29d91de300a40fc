using System.Numerics.Tensors;

namespace GanAugment.Tensors.Kernels;

/// <summary>A reduction in span form: reduce a run to a scalar, or fold a run into another.</summary>
internal interface IReduceOp
{
    static abstract float Identity { get; }
    static abstract float Reduce(ReadOnlySpan<float> run);
    static abstract float Combine(float a, float b);
    static abstract void CombineInto(Span<float> acc, ReadOnlySpan<float> run);
}

internal readonly struct SumReduce : IReduceOp
{
    public static float Identity => 0f;
    public static float Reduce(ReadOnlySpan<float> run) => TensorPrimitives.Sum(run);
    public static float Combine(float a, float b) => a + b;
    public static void CombineInto(Span<float> acc, ReadOnlySpan<float> run) => TensorPrimitives.Add(acc, run, acc);
}

internal readonly struct MaxReduce : IReduceOp
{
    public static float Identity => float.NegativeInfinity;
    public static float Reduce(ReadOnlySpan<float> run) => TensorPrimitives.Max(run);
    public static float Combine(float a, float b) => MathF.Max(a, b);
    public static void CombineInto(Span<float> acc, ReadOnlySpan<float> run) => TensorPrimitives.Max(acc, run, acc);
}

/// <summary>
/// Reduces a contiguous tensor over a set of axes. Adjacent axes with the same role are merged,
/// so e.g. BatchNorm2d's (N, H, W) reduction of NCHW runs as "sum each H·W run, fold over N".
/// </summary>
internal static class Reductions
{
    public static void Reduce<TOp>(ReadOnlySpan<float> src, int[] shape, bool[] reduced, Span<float> dst)
        where TOp : struct, IReduceOp
    {
        dst.Fill(TOp.Identity);
        if (src.Length == 0) return;
        var sizes = new List<int>();
        var roles = new List<bool>();
        for (var i = 0; i < shape.Length; i++)
        {
            if (shape[i] == 1) continue;
            if (roles.Count > 0 && roles[^1] == reduced[i]) sizes[^1] *= shape[i];
            else
            {
                sizes.Add(shape[i]);
                roles.Add(reduced[i]);
            }
        }
        if (sizes.Count == 0)
        {
            dst[0] = TOp.Combine(dst[0], src[0]);
            return;
        }
        var n = sizes.Count;
        var srcStride = new int[n];
        var dstStride = new int[n];
        int s = 1, d = 1;
        for (var i = n - 1; i >= 0; i--)
        {
            srcStride[i] = s;
            s *= sizes[i];
            dstStride[i] = roles[i] ? 0 : d;
            if (!roles[i]) d *= sizes[i];
        }
        Walk<TOp>(src, dst, [.. sizes], [.. roles], srcStride, dstStride, 0, 0, 0);
    }

    private static void Walk<TOp>(ReadOnlySpan<float> src, Span<float> dst, int[] sizes, bool[] roles, int[] srcStride, int[] dstStride, int level, int so, int dO)
        where TOp : struct, IReduceOp
    {
        var size = sizes[level];
        if (level == sizes.Length - 1)
        {
            var run = src.Slice(so, size);
            if (roles[level]) dst[dO] = TOp.Combine(dst[dO], TOp.Reduce(run));
            else TOp.CombineInto(dst.Slice(dO, size), run);
            return;
        }
        for (var i = 0; i < size; i++)
            Walk<TOp>(src, dst, sizes, roles, srcStride, dstStride, level + 1, so + i * srcStride[level], dO + i * dstStride[level]);
    }
}
