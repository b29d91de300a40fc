namespace GanAugment.Tensors.Kernels;

/// <summary>
/// Broadcasting element-wise kernel: dst[i] = op(a[ia], b[ib]) over the broadcast shape, with
/// the innermost run handed to the vectorised span forms of <see cref="IBinaryOp"/>.
/// </summary>
internal static unsafe class Broadcasting
{
    public static void Binary<TOp>(ReadOnlySpan<float> a, int[] aShape, ReadOnlySpan<float> b, int[] bShape, Span<float> dst, int[] dstShape)
        where TOp : struct, IBinaryOp
    {
        if (dst.Length == 0) return;
        if (aShape.AsSpan().SequenceEqual(bShape) && a.Length == dst.Length)
        {
            ElementwiseKernels.Binary<TOp>(a, b, dst);
            return;
        }
        var sa = ShapeUtil.BroadcastStrides(aShape, dstShape);
        var sb = ShapeUtil.BroadcastStrides(bShape, dstShape);
        Collapse(dstShape, sa, sb, out var dims, out var stA, out var stB);
        var inner = dims[^1];
        fixed (float* pa = a, pb = b, pd = dst)
            ParallelChunks.For(dst.Length / inner, new Rows<TOp>(pa, pb, pd, dims, stA, stB), Math.Max(1, ParallelChunks.MinChunk / inner));
    }

    /// <summary>Rows [r0, r0 + count) of the collapsed iteration, each a run of the innermost dimension.</summary>
    private readonly struct Rows<TOp>(float* a, float* b, float* dst, int[] dims, int[] stA, int[] stB) : IChunkKernel
        where TOp : struct, IBinaryOp
    {
        public void Run(int r0, int count)
        {
            var rank = dims.Length;
            var inner = dims[rank - 1];
            var ia = stA[rank - 1];
            var ib = stB[rank - 1];
            Span<int> idx = stackalloc int[rank];
            int offA = 0, offB = 0;
            for (int k = rank - 2, r = r0; k >= 0; k--)
            {
                idx[k] = r % dims[k];
                r /= dims[k];
                offA += idx[k] * stA[k];
                offB += idx[k] * stB[k];
            }
            for (var row = r0; row < r0 + count; row++)
            {
                var d = new Span<float>(dst + (long)row * inner, inner);
                if (ia != 0 && ib != 0) TOp.VV(new ReadOnlySpan<float>(a + offA, inner), new ReadOnlySpan<float>(b + offB, inner), d);
                else if (ia == 0 && ib != 0) TOp.SV(a[offA], new ReadOnlySpan<float>(b + offB, inner), d);
                else if (ia != 0) TOp.VS(new ReadOnlySpan<float>(a + offA, inner), b[offB], d);
                else
                {
                    TOp.VS(new ReadOnlySpan<float>(a + offA, 1), b[offB], d[..1]);
                    d.Fill(d[0]);
                }
                // advance the outer multi-index
                for (var k = rank - 2; k >= 0; k--)
                {
                    idx[k]++;
                    offA += stA[k];
                    offB += stB[k];
                    if (idx[k] < dims[k]) break;
                    offA -= stA[k] * dims[k];
                    offB -= stB[k] * dims[k];
                    idx[k] = 0;
                }
            }
        }
    }

    /// <summary>
    /// Merges adjacent dimensions whose strides allow it (both operands contiguous across the
    /// pair, or both broadcast across it) and drops size-1 dimensions, so loops run long.
    /// </summary>
    private static void Collapse(int[] shape, int[] sa, int[] sb, out int[] dims, out int[] stA, out int[] stB)
    {
        var d = new List<int>(shape.Length);
        var a = new List<int>(shape.Length);
        var b = new List<int>(shape.Length);
        for (var i = 0; i < shape.Length; i++)
        {
            if (shape[i] == 1) continue;
            if (d.Count > 0)
            {
                var last = d.Count - 1;
                if (a[last] == sa[i] * shape[i] && b[last] == sb[i] * shape[i])
                {
                    d[last] *= shape[i];
                    a[last] = sa[i];
                    b[last] = sb[i];
                    continue;
                }
            }
            d.Add(shape[i]);
            a.Add(sa[i]);
            b.Add(sb[i]);
        }
        if (d.Count == 0)
        {
            d.Add(1);
            a.Add(1);
            b.Add(1);
        }
        dims = [.. d];
        stA = [.. a];
        stB = [.. b];
    }
}
