namespace GanAugment.Tensors.Kernels;

/// <summary>
/// Runs the items of <see cref="Gemm.SgemmBatched"/>: small products in parallel across items (each
/// item on one thread), large ones one after another with threads inside each product. Either way
/// an item's bits are those of a lone <see cref="Gemm.Sgemm(bool, bool, int, int, int, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, Span{float}, int, bool)"/>.
/// </summary>
internal static unsafe class GemmBatch
{
    public static void Run(
        bool transA, bool transB, int batch, int m, int n, int k,
        float* a, long strideA, float* b, long strideB, float* c, long strideC, bool accumulate)
    {
        int lda = Math.Max(1, transA ? m : k);
        int ldb = Math.Max(1, transB ? k : n);
        int threads = EngineThreads.Count;
        double itemFlops = 2.0 * m * n * k;
        bool acrossItems = strideC != 0 && batch > 1 && threads > 1 && itemFlops < GemmDriver.ParallelFlops
            && itemFlops * batch >= GemmDriver.ParallelFlops;
        if (!acrossItems)
        {
            for (int i = 0; i < batch; i++)
            {
                bool add = accumulate || (strideC == 0 && i > 0);
                Gemm.SgemmCore(
                    GemmPath.Auto, transA, transB, m, n, k, a + (i * strideA), lda, b + (i * strideB), ldb,
                    c + (i * strideC), n, add, threads);
            }

            return;
        }

        nint pa = (nint)a;
        nint pb = (nint)b;
        nint pc = (nint)c;
        EngineThreads.For(0, batch, threads, i =>
        {
            Gemm.SgemmCore(
                GemmPath.Auto, transA, transB, m, n, k, (float*)pa + (i * strideA), lda, (float*)pb + (i * strideB), ldb,
                (float*)pc + (i * strideC), n, accumulate, 1);
        });
    }
}
