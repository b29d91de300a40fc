namespace GanAugment.Tensors.Kernels;

/// <summary>
/// How the convolution passes cut the batch into runs (see <see cref="ConvChunks"/>). Tests pass
/// tiny values to force many short runs; everything else uses <see cref="Default"/>.
/// </summary>
/// <param name="ColumnBudget">Floats of one run's column block for Forward/InputGrad (each thread has its own).</param>
/// <param name="WeightGradColumnBudget">Floats of one run's column block for WeightGrad (one at a time).</param>
/// <param name="MinColumns">GEMM columns a run gets at least, whatever the budget: the weight is streamed once per run.</param>
/// <param name="BlockFloats">
/// A one-thread Forward or InputGrad run whose column block is larger than this goes by blocks of
/// column rows that stay in cache between im2col or col2im and the GEMM (see <see cref="ConvPasses"/>).
/// </param>
internal readonly record struct ConvTuning(long ColumnBudget, long WeightGradColumnBudget, int MinColumns, long BlockFloats = ConvTuning.L2Floats)
{
    /// <summary>Floats in one core's L2 (1 MB).</summary>
    public const long L2Floats = 1 << 18;

    /// <summary>
    /// 2 MB column blocks (about L2) for every pass, and at least 384 columns (12 tiles of 32).
    /// Measured on the AC-GAN shapes (batch 64, one thread): a 16 MB WeightGrad block, which
    /// streams the column matrix through memory, ran 128→256 at 93 GFLOP/s against 170 with 2 MB.
    /// </summary>
    public static ConvTuning Default { get; } = new(1 << 19, 1 << 19, 384);
}
