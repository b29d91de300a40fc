namespace GanAugment.Tensors.Kernels;

/// <summary>
/// WeightGrad of a large weight by blocks of input channels instead of runs of images:
/// gwtᵀ rows of channels [c0, c1) = cols(c0..c1, whole batch) · gyᵀ, one GEMM per block over the
/// whole K = N·P. The image-run order re-reads and re-writes the whole [Cin·kh·kw, Cout] gradient
/// once per run (7 MB eight times for the AC-GAN generator's 385→192 5x5 transposed convolution);
/// here each block's rows of it are written once, its columns (at most
/// <see cref="GemmDriver.InPlaceBMaxRows"/> rows) stay in cache between im2col and the GEMM, and
/// gy is transposed once to [N·P, Cout] so the GEMM reads it in place instead of packing it.
/// Blocks own disjoint rows and each runs a one-thread GEMM with K in its fixed slice order, so
/// the bits do not depend on the thread count or on which thread takes a block.
/// </summary>
internal static unsafe class ConvWeightGradByChannels
{
    /// <summary>Largest column block (floats, 4 MB) for which this path is used.</summary>
    public const long MaxBlockFloats = 1 << 20;

    /// <summary>
    /// Smallest weight (floats, 4 MB) for which this path is used. Measured on one thread, batch 64:
    /// convT 385→192 5x5 (1.85 M floats) 2–5 % faster than image runs; conv 128→256 3x3
    /// (0.3 M floats, whose gradient stays in L2 between runs) ~3 % slower.
    /// </summary>
    public const long MinWeightFloats = 1 << 20;

    [ThreadStatic]
    private static AlignedBuffer? t_columns;

    [ThreadStatic]
    private static AlignedBuffer? t_transposed;

    /// <summary>Input channels per block: as many as fit <see cref="GemmDriver.InPlaceBMaxRows"/> rows, spread evenly.</summary>
    public static int ChannelsPerBlock(in ConvGeometry g)
    {
        int taps = g.KernelH * g.KernelW;
        int most = Math.Max(1, GemmDriver.InPlaceBMaxRows / taps);
        int blocks = (g.InChannels + most - 1) / most;
        return (g.InChannels + blocks - 1) / blocks;
    }

    /// <summary>Whether WeightGrad of this geometry goes by channel blocks: a weight of at least <see cref="MinWeightFloats"/> whose blocks <see cref="Fits"/>.</summary>
    public static bool Applies(in ConvGeometry g) => g.WeightLength >= MinWeightFloats && Fits(g);

    /// <summary>Whether the geometry's column block for the whole batch fits <see cref="MaxBlockFloats"/>.</summary>
    public static bool Fits(in ConvGeometry g)
    {
        long rows = (long)ChannelsPerBlock(g) * g.KernelH * g.KernelW;
        return g.Batch > 0 && rows * ConvLayout.Pitch(g.Batch * g.OutHeight * g.OutWidth) <= MaxBlockFloats;
    }

    /// <summary>gwt [Cin·kh·kw, Cout] = cols·gyᵀ over the whole batch (overwritten); requires <see cref="Fits"/>.</summary>
    public static void Run(float* x, float* gy, float* gwt, in ConvGeometry g, int threads)
    {
        if (!Fits(g))
        {
            throw new ArgumentException($"ConvWeightGradByChannels: the column block of {g.Batch} images does not fit {MaxBlockFloats} floats.", nameof(g));
        }

        int p = g.OutHeight * g.OutWidth;
        int cout = g.OutChannels;
        nint ldb = ConvLayout.Pitch(cout);
        float* gyt = (t_transposed ??= new AlignedBuffer()).Get((long)g.Batch * p * ldb);
        for (int n = 0; n < g.Batch; n++)
        {
            MatrixTranspose.Run(gy + ((nint)n * cout * p), cout, p, p, gyt + ((nint)n * p * ldb), ldb);
        }

        int perBlock = ChannelsPerBlock(g);
        int blocks = (g.InChannels + perBlock - 1) / perBlock;
        if (threads > 1 && blocks > 1)
        {
            ConvGeometry geometry = g;
            nint px = (nint)x;
            nint pgyt = (nint)gyt;
            nint pgwt = (nint)gwt;
            EngineThreads.For(0, blocks, threads, block => Block((float*)px, (float*)pgyt, ldb, (float*)pgwt, geometry, block * perBlock, perBlock));
            return;
        }

        for (int block = 0; block < blocks; block++)
        {
            Block(x, gyt, ldb, gwt, g, block * perBlock, perBlock);
        }
    }

    /// <summary>Rows of input channels [c0, c0 + perBlock) ∩ [0, Cin): im2col into the thread's scratch, then one GEMM.</summary>
    private static void Block(float* x, float* gyt, nint ldb, float* gwt, in ConvGeometry g, int c0, int perBlock)
    {
        int c1 = Math.Min(g.InChannels, c0 + perBlock);
        int taps = g.KernelH * g.KernelW;
        int rows = (c1 - c0) * taps;
        int k = g.Batch * g.OutHeight * g.OutWidth;
        nint ld = ConvLayout.Pitch(k);
        float* cols = (t_columns ??= new AlignedBuffer()).Get((long)perBlock * taps * ld);

        // Fill addresses rows by absolute channel, so it is handed the block's origin shifted back by c0.
        Im2Col.Fill(x, g, 0, g.Batch, c0, c1, cols - ((nint)c0 * taps * ld), ld);
        Gemm.SgemmCore(GemmPath.Auto, false, false, rows, g.OutChannels, k, cols, ld, gyt, ldb, gwt + ((nint)c0 * taps * g.OutChannels), g.OutChannels, false, 1);
    }
}
