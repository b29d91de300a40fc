using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// WeightGrad of a large weight by blocks of input channels instead of runs of images:
/// gwtᵀ rows of channels [c0, c1) = cols(c0..c1, whole batch) · gyᵀ, one GEMM per block over the
/// whole K = N·P. The image-run order re-reads and re-writes the whole [Cin·kh·kw, Cout] gradient
/// once per run (7 MB eight times for the AC-GAN generator's 385→192 5x5 transposed convolution);
/// here each block's rows of it are written once, its columns (about <see cref="BlockFloats"/>)
/// stay in cache between im2col and the GEMM, and
/// gy is transposed once to [N·P, Cout] so the GEMM reads it in place instead of packing it.
/// Blocks own disjoint rows and each runs a one-thread GEMM with K in its fixed slice order, so
/// the bits do not depend on the thread count or on which thread takes a block. When Cout is a
/// few columns past a multiple of 32 (385 = 12·32 + 1), those last columns would cost a whole
/// 32-wide micro-panel each K step; they are computed instead as dot products of each column row,
/// right after im2col fills that channel's rows, with gy's channel folded over the batch.
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

    /// <summary>Output channels past the last multiple of 32 that go by dot products, at most (1..this).</summary>
    public const int MaxDotColumns = 4;

    [ThreadStatic]
    private static AlignedBuffer? t_columns;

    [ThreadStatic]
    private static AlignedBuffer? t_tail;

    [ThreadStatic]
    private static AlignedBuffer? t_transposed;

    /// <summary>
    /// Target column block (floats, 2 MB). Measured on one thread, convT 385→192 5x5 b64 (K = 3136):
    /// blocks of 6 channels (150 rows, 1.9 MB) ran ~63 ms, 4 channels ~64, 2 channels ~67, and 11
    /// channels (275 rows, 3.4 MB) ~66.
    /// </summary>
    public const long BlockFloats = 1 << 19;

    /// <summary>
    /// Input channels per block: as many as fit <see cref="BlockFloats"/> and
    /// <see cref="GemmDriver.InPlaceBMaxRows"/> rows (at least one), spread evenly.
    /// </summary>
    public static int ChannelsPerBlock(in ConvGeometry g)
    {
        int taps = g.KernelH * g.KernelW;
        long ld = ConvLayout.Pitch(g.Batch * g.OutHeight * g.OutWidth);
        int most = (int)Math.Max(1, Math.Min(GemmDriver.InPlaceBMaxRows, BlockFloats / ld) / taps);
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

        // tail[j, n·P + p] = gy[n, first + j, p]: the dot-product columns, each contiguous over the batch.
        int dots = DotColumns(cout);
        int first = cout - dots;
        nint k = (nint)g.Batch * p;
        float* tail = (t_tail ??= new AlignedBuffer()).Get(Math.Max(1, dots * k));
        for (int j = 0; j < dots; j++)
        {
            for (int n = 0; n < g.Batch; n++)
            {
                new ReadOnlySpan<float>(gy + ((((nint)n * cout) + first + j) * p), p).CopyTo(new Span<float>(tail + (j * k) + ((nint)n * p), p));
            }
        }

        int perBlock = ChannelsPerBlock(g);
        int blocks = (g.InChannels + perBlock - 1) / perBlock;
        if (threads > 1 && blocks > 1)
        {
            ConvGeometry geometry = g;
            nint px = (nint)x;
            nint pgyt = (nint)gyt;
            nint ptail = (nint)tail;
            nint pgwt = (nint)gwt;
            EngineThreads.For(0, blocks, threads, block => Block((float*)px, (float*)pgyt, ldb, (float*)ptail, (float*)pgwt, geometry, block * perBlock, perBlock));
            return;
        }

        for (int block = 0; block < blocks; block++)
        {
            Block(x, gyt, ldb, tail, gwt, g, block * perBlock, perBlock);
        }
    }

    /// <summary>Output channels computed by dot products: Cout mod 32 when that is 1..<see cref="MaxDotColumns"/> and Cout > 32, else none.</summary>
    public static int DotColumns(int cout)
    {
        int rest = cout % 32;
        return cout > 32 && rest <= MaxDotColumns ? rest : 0;
    }

    /// <summary>
    /// Rows of input channels [c0, c0 + perBlock) ∩ [0, Cin): im2col into the thread's scratch one
    /// channel at a time (its rows' dot-product columns taken while they are in cache), then one GEMM.
    /// </summary>
    private static void Block(float* x, float* gyt, nint ldb, float* tail, float* gwt, in ConvGeometry g, int c0, int perBlock)
    {
        int c1 = Math.Min(g.InChannels, c0 + perBlock);
        int taps = g.KernelH * g.KernelW;
        int rows = (c1 - c0) * taps;
        int k = g.Batch * g.OutHeight * g.OutWidth;
        int cout = g.OutChannels;
        int dots = DotColumns(cout);
        nint ld = ConvLayout.Pitch(k);
        float* cols = (t_columns ??= new AlignedBuffer()).Get((long)perBlock * taps * ld);

        for (int c = c0; c < c1; c++)
        {
            Im2Col.FillRows(x, g, 0, g.Batch, c * taps, (c + 1) * taps, cols + ((nint)(c - c0) * taps * ld), ld);
            for (int r = (c - c0) * taps; r < (c - c0 + 1) * taps; r++)
            {
                float* target = gwt + ((((nint)c0 * taps) + r) * cout) + cout - dots;
                for (int j = 0; j < dots; j++)
                {
                    target[j] = Dot(cols + (r * ld), tail + ((nint)j * k), k);
                }
            }
        }

        Gemm.SgemmCore(GemmPath.Auto, false, false, rows, cout - dots, k, cols, ld, gyt, ldb, gwt + ((nint)c0 * taps * cout), cout, false, 1);
    }

    /// <summary>Σ a[i]·b[i] over i &lt; n, in a fixed order: four 16-lane FMA chains, their lane sums, then the scalar rest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Dot(float* a, float* b, int n)
    {
        int i = 0;
        float sum = 0f;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<float> s0 = Vector512<float>.Zero;
            Vector512<float> s1 = Vector512<float>.Zero;
            Vector512<float> s2 = Vector512<float>.Zero;
            Vector512<float> s3 = Vector512<float>.Zero;
            for (; i + 64 <= n; i += 64)
            {
                s0 = Vector512.FusedMultiplyAdd(Vector512.Load(a + i), Vector512.Load(b + i), s0);
                s1 = Vector512.FusedMultiplyAdd(Vector512.Load(a + i + 16), Vector512.Load(b + i + 16), s1);
                s2 = Vector512.FusedMultiplyAdd(Vector512.Load(a + i + 32), Vector512.Load(b + i + 32), s2);
                s3 = Vector512.FusedMultiplyAdd(Vector512.Load(a + i + 48), Vector512.Load(b + i + 48), s3);
            }

            for (; i + 16 <= n; i += 16)
            {
                s0 = Vector512.FusedMultiplyAdd(Vector512.Load(a + i), Vector512.Load(b + i), s0);
            }

            sum = Vector512.Sum((s0 + s1) + (s2 + s3));
        }

        for (; i < n; i++)
        {
            sum = MathF.FusedMultiplyAdd(a[i], b[i], sum);
        }

        return sum;
    }
}
