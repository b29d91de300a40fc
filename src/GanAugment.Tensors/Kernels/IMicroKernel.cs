namespace GanAugment.Tensors.Kernels;

/// <summary>
/// A register-tiled GEMM micro-kernel: C[MR, NR] (=|+=) A-panel · B-panel over <c>kc</c> k-steps.
/// A element (r, p) is read at <c>a + r·rowStride + p·kStep</c>, so the same kernel reads a packed
/// panel (rowStride 1, kStep MR) or a row-major A in place (rowStride lda, kStep 1). Each k-step
/// reads NR contiguous floats of B, steps <c>bStep</c> apart: a packed micro-panel (bStep NR) or a
/// row-major B in place (bStep ldb). The tile is summed from zero and then stored, or
/// added to C when <c>accumulate</c>; an element's bits therefore never depend on where its tile lies.
/// </summary>
internal interface IMicroKernel
{
    /// <summary>Rows of the C tile.</summary>
    static abstract int MR { get; }

    /// <summary>Columns of the C tile.</summary>
    static abstract int NR { get; }

    /// <summary>Computes one full MR x NR tile of C at <paramref name="c"/> with row stride <paramref name="ldc"/>.</summary>
    static abstract unsafe void Run(int kc, float* a, nint rowStride, nint kStep, float* b, nint bStep, float* c, nint ldc, bool accumulate);
}
