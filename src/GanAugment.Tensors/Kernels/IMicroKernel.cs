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

    /// <summary>Whether <see cref="RunColumns"/> is available: the kernel stores edge tiles with column masks.</summary>
    static virtual bool MasksColumns => false;

    /// <summary>
    /// As <see cref="Run"/>, but stores only the first <paramref name="cols"/> columns of each of the MR
    /// rows (B is still read NR columns wide), so a ragged last column tile needs no scratch round trip.
    /// </summary>
    /// <exception cref="NotSupportedException">The kernel does not mask columns (<see cref="MasksColumns"/> is false).</exception>
    static virtual unsafe void RunColumns(int kc, float* a, nint rowStride, nint kStep, float* b, nint bStep, float* c, nint ldc, bool accumulate, int cols) =>
        throw new NotSupportedException("IMicroKernel.RunColumns: this kernel stores whole tiles only.");
}
