using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// Packs blocks of op(A) and op(B) into the micro-panel layouts the micro-kernels read:
/// an A panel holds MR rows, k-step by k-step (MR contiguous floats per step); a B panel holds NR
/// columns, k-step by k-step (NR contiguous floats per step). Ragged panels are zero-padded, so the
/// kernels never branch on edges. Transposes happen here, so one kernel serves every layout.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>
    /// How many k-steps ahead a transposed A block's source rows are prefetched. Measured on
    /// dB = Aᵀ·dC of 3136x1152·1152x256 (1 thread): 175 → 196 GFLOP/s with 4, 8 or 16 (the pack
    /// was 21 % of the time); 2 threads 330 → 370.
    /// </summary>
    private const int PrefetchAhead = 8;

    /// <summary>
    /// Packs op(A)[i0 .. i0+mc, p0 .. p0+kc] into ceil(mc/mr) panels of mr·kc floats at <paramref name="dst"/>.
    /// A is stored m x k (lda) or, when <paramref name="transA"/>, k x m.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(bool transA, float* a, nint lda, int i0, int mc, int p0, int kc, int mr, float* dst)
    {
        if (transA)
        {
            // op(A)[i, p] = A[p, i]: each k-step's rows are contiguous in A, so walk A row by row
            // (one pass over each source line) and deal the values out to the panels.
            for (int p = 0; p < kc; p++)
            {
                float* src = a + ((nint)(p0 + p) * lda) + i0;
                if (p + PrefetchAhead < kc)
                {
                    // The rows lie lda apart (more than a page for the conv weight gradients), which
                    // the hardware prefetchers do not follow: fetch the row PrefetchAhead steps on.
                    float* ahead = src + (PrefetchAhead * lda);
                    for (int i = 0; i < mc; i += 16)
                    {
                        Sse.Prefetch0(ahead + i);
                    }

                    Sse.Prefetch0(ahead + mc - 1);
                }

                for (int ir = 0; ir < mc; ir += mr)
                {
                    CopyPadded(src + ir, dst + ((nint)ir * kc) + ((nint)p * mr), Math.Min(mr, mc - ir), mr);
                }
            }

            return;
        }

        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = Math.Min(mr, mc - ir);
            float* panel = dst + ((nint)ir * kc);
            float* src = a + ((nint)(i0 + ir) * lda) + p0;
            for (int p = 0; p < kc; p++)
            {
                float* d = panel + ((nint)p * mr);
                int r = 0;
                for (; r < rows; r++)
                {
                    d[r] = src[(r * lda) + p];
                }

                for (; r < mr; r++)
                {
                    d[r] = 0f;
                }
            }
        }
    }

    /// <summary>
    /// Packs op(B)[p0 .. p0+kc, j0 .. j0+nc] into ceil(nc/nr) panels of nr·kc floats at <paramref name="dst"/>.
    /// B is stored k x n (ldb) or, when <paramref name="transB"/>, n x k.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(bool transB, float* b, nint ldb, int p0, int kc, int j0, int nc, int nr, float* dst)
    {
        if (!transB)
        {
            float* src = b + ((nint)p0 * ldb) + j0;
            for (int p = 0; p < kc; p++)
            {
                float* row = src + ((nint)p * ldb);
                for (int jr = 0; jr < nc; jr += nr)
                {
                    CopyPadded(row + jr, dst + ((nint)jr * kc) + ((nint)p * nr), Math.Min(nr, nc - jr), nr);
                }
            }

            return;
        }

        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            PackTransposedPanel(b + ((nint)(j0 + jr) * ldb) + p0, ldb, kc, cols, nr, dst + ((nint)jr * kc));
        }
    }

    /// <summary>
    /// Packs one B panel from B^T storage: panel[p, j] = src[j·ldb + p] for j &lt; cols, zero for
    /// cols ≤ j &lt; nr. Full 8x8 blocks go through an in-register AVX transpose.
    /// </summary>
    private static void PackTransposedPanel(float* src, nint ldb, int kc, int cols, int nr, float* panel)
    {
        int p = 0;
        int cols8 = Avx.IsSupported ? cols & ~7 : 0;
        int kc8 = Avx.IsSupported ? kc & ~7 : 0;
        for (; p < kc8; p += 8)
        {
            for (int j = 0; j < cols8; j += 8)
            {
                MatrixTranspose.Block8x8(src + ((nint)j * ldb) + p, ldb, panel + ((nint)p * nr) + j, nr);
            }
        }

        // Everything the 8x8 blocks did not cover: the k tail and the column tail (and padding).
        for (int pp = 0; pp < kc; pp++)
        {
            float* d = panel + ((nint)pp * nr);
            int jStart = pp < kc8 ? cols8 : 0;
            for (int j = jStart; j < cols; j++)
            {
                d[j] = src[(j * ldb) + pp];
            }

            for (int j = cols; j < nr; j++)
            {
                d[j] = 0f;
            }
        }
    }

    /// <summary>Copies <paramref name="count"/> floats and zero-fills up to <paramref name="width"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyPadded(float* src, float* dst, int count, int width)
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j + 8 <= count; j += 8)
            {
                Vector256.Store(Vector256.Load(src + j), dst + j);
            }

            if (j + 4 <= count)
            {
                Vector128.Store(Vector128.Load(src + j), dst + j);
                j += 4;
            }
        }

        for (; j < count; j++)
        {
            dst[j] = src[j];
        }

        for (; j < width; j++)
        {
            dst[j] = 0f;
        }
    }
}
