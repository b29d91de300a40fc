namespace GanAugment.Tensors.Kernels;

/// <summary>
/// Single-precision matrix multiply on row-major storage:
/// C[m,n] = op(A)·op(B), or C += op(A)·op(B) when <c>accumulate</c> (BLAS β ∈ {0, 1}),
/// where op(A) is m×k (A is stored k×m when <c>transA</c>) and op(B) is k×n (B stored n×k when
/// <c>transB</c>). Packed Goto/BLIS blocking with AVX-512 register-tiled micro-kernels (12x32, or
/// 6x64, 16x16 for N ≤ 16, or R x 32 with R = 1..12 for short M, whichever wastes least padding),
/// an AVX2+FMA 6x16 fallback and a scalar fallback; an
/// untransposed A (and, for short C, B) is read in place instead of packed. Runs on up to
/// <see cref="EngineThreads.Count"/> threads above a work threshold; results are bit-identical
/// for any thread count because threads split C into blocks and never split K.
/// See K. Goto and R. van de Geijn, "Anatomy of high-performance matrix multiplication", ACM TOMS 34(3), 2008.
/// </summary>
public static unsafe class Gemm
{
    /// <summary>C[m,n] (=|+=) op(A)·op(B) on raw pointers; C must not overlap A or B.</summary>
    /// <exception cref="ArgumentException">A size or leading dimension is invalid, or a needed pointer is null.</exception>
    public static void Sgemm(
        bool transA, bool transB, int m, int n, int k, float* a, int lda, float* b, int ldb, float* c, int ldc, bool accumulate)
    {
        CheckShape(transA, transB, m, n, k, lda, ldb, ldc);
        if (m == 0 || n == 0)
        {
            return;
        }

        if (c == null || (k > 0 && (a == null || b == null)))
        {
            throw new ArgumentException("Sgemm: a matrix pointer is null.");
        }

        SgemmCore(GemmPath.Auto, transA, transB, m, n, k, a, lda, b, ldb, c, ldc, accumulate, EngineThreads.Count);
    }

    /// <summary>
    /// C[m,n] (=|+=) op(A)·op(B) on spans, which are checked to hold the matrices their leading
    /// dimensions describe (the last row may be short: rows-1 full strides plus one row).
    /// </summary>
    /// <exception cref="ArgumentException">A size, leading dimension or span length is invalid, or C overlaps A or B.</exception>
    public static void Sgemm(
        bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate)
    {
        CheckShape(transA, transB, m, n, k, lda, ldb, ldc);
        CheckLength("A", a.Length, transA ? k : m, transA ? m : k, lda);
        CheckLength("B", b.Length, transB ? n : k, transB ? k : n, ldb);
        CheckLength("C", c.Length, m, n, ldc);
        CheckNoOverlap(a, b, c);
        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            SgemmCore(GemmPath.Auto, transA, transB, m, n, k, pa, lda, pb, ldb, pc, ldc, accumulate, EngineThreads.Count);
        }
    }

    /// <summary>
    /// <paramref name="batch"/> independent products C_i (=|+=) op(A_i)·op(B_i), where operand i starts
    /// at i·stride in its span and is a compact row-major matrix. A stride of 0 broadcasts that
    /// operand; <paramref name="strideC"/> = 0 sums every product into the one C (the first honours
    /// <paramref name="accumulate"/>, the rest add), in batch order.
    /// </summary>
    /// <exception cref="ArgumentException">A size, stride or span length is invalid, or C overlaps A or B.</exception>
    public static void SgemmBatched(
        bool transA, bool transB, int batch, int m, int n, int k,
        ReadOnlySpan<float> a, long strideA, ReadOnlySpan<float> b, long strideB, Span<float> c, long strideC, bool accumulate)
    {
        if (batch < 0)
        {
            throw new ArgumentException($"SgemmBatched: batch must be non-negative, got {batch}.", nameof(batch));
        }

        if (strideA < 0 || strideB < 0 || strideC < 0)
        {
            throw new ArgumentException($"SgemmBatched: strides must be non-negative, got A {strideA}, B {strideB}, C {strideC}.");
        }

        int lda = Math.Max(1, transA ? m : k);
        int ldb = Math.Max(1, transB ? k : n);
        int ldc = Math.Max(1, n);
        CheckShape(transA, transB, m, n, k, lda, ldb, ldc);
        if (batch == 0)
        {
            return;
        }

        CheckBatchLength("A", a.Length, batch, strideA, (long)m * k);
        CheckBatchLength("B", b.Length, batch, strideB, (long)k * n);
        CheckBatchLength("C", c.Length, batch, strideC, (long)m * n);
        if (strideC != 0 && strideC < (long)m * n && batch > 1)
        {
            throw new ArgumentException($"SgemmBatched: strideC {strideC} makes the {m}x{n} outputs overlap.", nameof(strideC));
        }

        CheckNoOverlap(a, b, c);
        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            GemmBatch.Run(transA, transB, batch, m, n, k, pa, strideA, pb, strideB, pc, strideC, accumulate);
        }
    }

    /// <summary>The unchecked entry point (m, n ≥ 1): handles k = 0 and runs the chosen path on up to <paramref name="threads"/> threads.</summary>
    internal static void SgemmCore(
        GemmPath path, bool transA, bool transB, int m, int n, int k,
        float* a, nint lda, float* b, nint ldb, float* c, nint ldc, bool accumulate, int threads,
        GemmLoopOrder order = GemmLoopOrder.Auto)
    {
        if (k == 0)
        {
            if (!accumulate)
            {
                for (int i = 0; i < m; i++)
                {
                    new Span<float>(c + (i * ldc), n).Clear();
                }
            }

            return;
        }

        var args = new GemmArgs(transA, transB, m, n, k, (nint)a, lda, (nint)b, ldb, (nint)c, ldc, accumulate, Order: order);
        GemmDriver.Run(path, args, threads);
    }

    private static void CheckShape(bool transA, bool transB, int m, int n, int k, int lda, int ldb, int ldc)
    {
        if (m < 0 || n < 0 || k < 0)
        {
            throw new ArgumentException($"Sgemm: sizes must be non-negative, got m={m}, n={n}, k={k}.");
        }

        int minLda = Math.Max(1, transA ? m : k);
        int minLdb = Math.Max(1, transB ? k : n);
        int minLdc = Math.Max(1, n);
        if (lda < minLda)
        {
            throw new ArgumentException($"Sgemm: lda={lda} is less than the {minLda} columns of the stored A.", nameof(lda));
        }

        if (ldb < minLdb)
        {
            throw new ArgumentException($"Sgemm: ldb={ldb} is less than the {minLdb} columns of the stored B.", nameof(ldb));
        }

        if (ldc < minLdc)
        {
            throw new ArgumentException($"Sgemm: ldc={ldc} is less than the {minLdc} columns of C.", nameof(ldc));
        }
    }

    private static void CheckLength(string name, int length, int rows, int cols, int ld)
    {
        long needed = rows == 0 || cols == 0 ? 0 : ((long)(rows - 1) * ld) + cols;
        if (length < needed)
        {
            throw new ArgumentException(
                $"Sgemm: {name} holds {length} floats but a {rows}x{cols} matrix with leading dimension {ld} needs {needed}.");
        }
    }

    private static void CheckBatchLength(string name, int length, int batch, long stride, long size)
    {
        long needed = size == 0 ? 0 : ((batch - 1) * stride) + size;
        if (length < needed)
        {
            throw new ArgumentException(
                $"SgemmBatched: {name} holds {length} floats but {batch} matrices of {size} at stride {stride} need {needed}.");
        }
    }

    private static void CheckNoOverlap(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c)
    {
        if ((!c.IsEmpty && !a.IsEmpty && c.Overlaps(a)) || (!c.IsEmpty && !b.IsEmpty && c.Overlaps(b)))
        {
            throw new ArgumentException("Sgemm: C must not overlap A or B.");
        }
    }
}
