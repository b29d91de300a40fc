using System.Numerics.Tensors;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// The three convolution passes on validated pointers. Forward and InputGrad own disjoint output
/// images per run, so with enough runs each thread takes whole runs (im2col, a one-thread GEMM and
/// the scatter stay in its own cache); otherwise runs go one by one with threads inside each step.
/// WeightGrad sums over every image, so its runs go in a fixed order (a K split that never depends
/// on the thread count): for a small weight, in pairs whose second half is summed separately and
/// added (one run per thread), else one by one with the GEMM and im2col inside a run parallel;
/// a weight of several MB goes by channel blocks instead (<see cref="ConvWeightGradByChannels"/>).
/// NOTE: InputGrad multiplies by a once-transposed weight and WeightGrad computes gwᵀ = cols·gyᵀ and
/// transposes it at the end; both keep the big operand as an untransposed A that the GEMM reads in
/// place, instead of re-packing a transposed W per run or transposing the whole column block.
/// </summary>
internal static unsafe class ConvPasses
{
    [ThreadStatic]
    private static AlignedBuffer? t_columns;

    [ThreadStatic]
    private static AlignedBuffer? t_folded;

    [ThreadStatic]
    private static AlignedBuffer? t_weight;

    [ThreadStatic]
    private static AlignedBuffer? t_partial;

    /// <summary>
    /// Weight gradients up to this many floats (512 KB) run their batch runs in pairs, one per thread
    /// (see <see cref="WeightGrad"/>); larger ones keep the threads inside each run's GEMM, which
    /// then has rows enough to split (Cin·kh·kw ≥ 1152 rows), and skip the extra pass over a
    /// large partial. The limit includes the DCGAN 4x4 layers (1024x128) and excludes conv
    /// 128→256 3x3 (1152x256); on one thread neither side measured a difference beyond the noise.
    /// </summary>
    public const long PairedMaxFloats = 1 << 17;

    public static void Forward(float* x, float* w, float* y, ConvGeometry g, int threads, ConvTuning tuning)
    {
        ConvChunks plan = ConvChunks.Plan(g, tuning.ColumnBudget, tuning.MinColumns, 2 * threads, fitTiles: true, threads);
        if (threads > 1 && plan.Count >= threads)
        {
            nint px = (nint)x;
            nint pw = (nint)w;
            nint py = (nint)y;
            EngineThreads.For(0, plan.Count, threads, run => ForwardRun((float*)px, (float*)pw, (float*)py, g, plan, run, 1, tuning));
            return;
        }

        for (int run = 0; run < plan.Count; run++)
        {
            ForwardRun(x, w, y, g, plan, run, threads, tuning);
        }
    }

    public static void InputGrad(float* gy, float* w, float* gx, ConvGeometry g, int threads, ConvTuning tuning)
    {
        ConvChunks plan = ConvChunks.Plan(g, tuning.ColumnBudget, tuning.MinColumns, 2 * threads, fitTiles: true, threads);
        if (plan.Count == 0)
        {
            return;
        }

        int ckk = g.InChannels * g.KernelH * g.KernelW;
        float* wt = (t_weight ??= new AlignedBuffer()).Get((long)ckk * g.OutChannels);
        MatrixTranspose.RunParallel(w, g.OutChannels, ckk, ckk, wt, g.OutChannels, threads);
        if (threads > 1 && plan.Count >= threads)
        {
            nint pgy = (nint)gy;
            nint pwt = (nint)wt;
            nint pgx = (nint)gx;
            EngineThreads.For(0, plan.Count, threads, run => InputGradRun((float*)pgy, (float*)pwt, (float*)pgx, g, plan, run, 1, tuning));
            return;
        }

        for (int run = 0; run < plan.Count; run++)
        {
            InputGradRun(gy, wt, gx, g, plan, run, threads, tuning);
        }
    }

    public static void WeightGrad(float* x, float* gy, float* gw, ConvGeometry g, int threads, ConvTuning tuning)
    {
        int ckk = g.InChannels * g.KernelH * g.KernelW;
        if (g.Batch == 0)
        {
            new Span<float>(gw, g.OutChannels * ckk).Clear();
            return;
        }

        long size = (long)ckk * g.OutChannels;
        bool paired = size <= PairedMaxFloats;
        ConvChunks plan = ConvChunks.Plan(g, tuning.WeightGradColumnBudget, tuning.MinColumns, paired ? 2 : 1, fitTiles: false);
        float* gwt = (t_weight ??= new AlignedBuffer()).Get(size);
        if (ConvWeightGradByChannels.Applies(g))
        {
            ConvWeightGradByChannels.Run(x, gy, gwt, g, threads);
        }
        else if (!paired)
        {
            for (int run = 0; run < plan.Count; run++)
            {
                WeightGradRun(x, gy, gwt, g, plan, run, accumulate: run > 0, threads);
            }
        }
        else
        {
            // Runs go in pairs (2r, 2r+1): the first adds into gwt, the second goes to a scratch
            // partial that is then added to gwt. The pairing depends on the shape only, so with
            // one thread or two (one run each) every element is the same sum in the same order.
            float* partial = (t_partial ??= new AlignedBuffer()).Get(size);
            nint px = (nint)x;
            nint pgy = (nint)gy;
            nint pgwt = (nint)gwt;
            nint ppartial = (nint)partial;
            for (int first = 0; first < plan.Count; first += 2)
            {
                if (first + 1 == plan.Count)
                {
                    WeightGradRun(x, gy, gwt, g, plan, first, accumulate: first > 0, threads);
                    break;
                }

                if (threads > 1)
                {
                    int inner = Math.Max(1, threads / 2);
                    int pair = first;
                    EngineThreads.For(0, 2, 2, which => WeightGradRun(
                        (float*)px, (float*)pgy, (float*)(which == 0 ? pgwt : ppartial), g, plan, pair + which, accumulate: which == 0 && pair > 0, inner));
                }
                else
                {
                    WeightGradRun(x, gy, gwt, g, plan, first, accumulate: first > 0, 1);
                    WeightGradRun(x, gy, partial, g, plan, first + 1, accumulate: false, 1);
                }

                TensorPrimitives.Add(new ReadOnlySpan<float>(gwt, (int)size), new ReadOnlySpan<float>(partial, (int)size), new Span<float>(gwt, (int)size));
            }
        }

        MatrixTranspose.RunParallel(gwt, ckk, g.OutChannels, g.OutChannels, gw, ckk, threads);
    }

    /// <summary>One run of WeightGrad: gwtᵀ (=|+=) cols·gyᵀ over the run's images ([Cin·kh·kw, Cout]).</summary>
    private static void WeightGradRun(float* x, float* gy, float* gwt, in ConvGeometry g, in ConvChunks plan, int run, bool accumulate, int threads)
    {
        (int n0, int count) = plan.Run(run, g.Batch);
        int p = g.OutHeight * g.OutWidth;
        int ckk = g.InChannels * g.KernelH * g.KernelW;
        int columns = count * p;
        nint ld = ConvLayout.Pitch(columns);
        float* cols = Columns(x, g, n0, count, ckk, ld, threads);

        float* b = Folded(gy, n0, count, g.OutChannels, p, out nint ldb);
        Gemm.SgemmCore(GemmPath.Auto, false, true, ckk, g.OutChannels, columns, cols, ld, b, ldb, gwt, g.OutChannels, accumulate, threads);
    }

    private static void ForwardRun(float* x, float* w, float* y, in ConvGeometry g, in ConvChunks plan, int run, int threads, ConvTuning tuning)
    {
        (int n0, int count) = plan.Run(run, g.Batch);
        int p = g.OutHeight * g.OutWidth;
        int ckk = g.InChannels * g.KernelH * g.KernelW;
        int columns = count * p;
        nint ld = ConvLayout.Pitch(columns);

        // One image: the GEMM writes y[n] directly. Several: [Cout, images·P], then unfolded to NCHW.
        nint ldc = count == 1 ? p : ld;
        float* c = count == 1 ? y + ((nint)n0 * g.OutChannels * p) : (t_folded ??= new AlignedBuffer()).Get(g.OutChannels * ld);
        int depth = GemmDriver.SliceDepth(ckk);
        if (threads == 1 && depth < ckk && (long)ckk * ld > tuning.BlockFloats)
        {
            // The whole column block would leave L2 between im2col and the GEMM's packing: fill one
            // K slice of it at a time and add its product, which is the GEMM's own slice order, so
            // the bits are those of one GEMM over all of K.
            float* block = (t_columns ??= new AlignedBuffer()).Get(depth * ld);
            for (int pc = 0; pc < ckk; pc += depth)
            {
                int kc = Math.Min(depth, ckk - pc);
                Im2Col.FillRows(x, g, n0, count, pc, pc + kc, block, ld);
                Gemm.SgemmCore(GemmPath.Auto, false, false, g.OutChannels, columns, kc, w + pc, ckk, block, ld, c, ldc, pc > 0, 1);
            }
        }
        else
        {
            float* cols = Columns(x, g, n0, count, ckk, ld, threads);
            Gemm.SgemmCore(GemmPath.Auto, false, false, g.OutChannels, columns, ckk, w, ckk, cols, ld, c, ldc, false, threads);
        }

        if (count > 1)
        {
            ConvLayout.Unfold(c, ld, n0, count, g.OutChannels, p, y);
        }
    }

    /// <summary>im2col of images n0..n0+count into the thread's column scratch ([Cin·kh·kw, count·P], row pitch <paramref name="ld"/>).</summary>
    private static float* Columns(float* x, in ConvGeometry g, int n0, int count, int ckk, nint ld, int threads)
    {
        float* cols = (t_columns ??= new AlignedBuffer()).Get(ckk * ld);
        if (threads == 1)
        {
            Im2Col.Fill(x, g, n0, count, 0, g.InChannels, cols, ld);
        }
        else
        {
            Im2Col.FillParallel(x, g, n0, count, cols, ld, threads);
        }
        return cols;
    }

    /// <summary>One run of InputGrad: cols = wᵀ·gy (wt is w transposed, [Cin·kh·kw, Cout]), then col2im.</summary>
    private static void InputGradRun(float* gy, float* wt, float* gx, in ConvGeometry g, in ConvChunks plan, int run, int threads, ConvTuning tuning)
    {
        (int n0, int count) = plan.Run(run, g.Batch);
        int p = g.OutHeight * g.OutWidth;
        int ckk = g.InChannels * g.KernelH * g.KernelW;
        int columns = count * p;
        nint ld = ConvLayout.Pitch(columns);
        float* b = Folded(gy, n0, count, g.OutChannels, p, out nint ldb);
        int block = InputGradBlockChannels(g, ld, tuning.BlockFloats);
        if (threads == 1 && block < g.InChannels)
        {
            // The whole column block would spill out of L2 between the GEMM that writes it and the
            // col2im that reads it back: go by blocks of input channels instead, each block's rows
            // computed (the same dot products as in one GEMM) and folded while they are in cache.
            int kk = g.KernelH * g.KernelW;
            float* blockCols = (t_columns ??= new AlignedBuffer()).Get((long)block * kk * ld);
            for (int c0 = 0; c0 < g.InChannels; c0 += block)
            {
                int c1 = Math.Min(g.InChannels, c0 + block);
                Gemm.SgemmCore(
                    GemmPath.Auto, false, false, (c1 - c0) * kk, columns, g.OutChannels, wt + ((nint)c0 * kk * g.OutChannels), g.OutChannels, b, ldb, blockCols, ld, false, 1);
                Im2Col.Accumulate(blockCols, ld, g, n0, count, c0, c1, gx);
            }

            return;
        }

        float* cols = (t_columns ??= new AlignedBuffer()).Get(ckk * ld);
        Gemm.SgemmCore(GemmPath.Auto, false, false, ckk, columns, g.OutChannels, wt, g.OutChannels, b, ldb, cols, ld, false, threads);
        if (threads == 1)
        {
            Im2Col.Accumulate(cols, ld, g, n0, count, 0, g.InChannels, gx);
        }
        else
        {
            Im2Col.AccumulateParallel(cols, ld, g, n0, count, gx, threads);
        }
    }

    /// <summary>
    /// Input channels per block of a one-thread InputGrad run: all of them when the run's column
    /// block fits <paramref name="blockFloats"/>, else as many as keep a block within
    /// <see cref="GemmDriver.InPlaceBMaxRows"/> rows, so the GEMM reads gy in place instead of
    /// packing it again for every block.
    /// </summary>
    internal static int InputGradBlockChannels(in ConvGeometry g, nint ld, long blockFloats)
    {
        int kk = g.KernelH * g.KernelW;
        if ((long)g.InChannels * kk * ld <= blockFloats)
        {
            return g.InChannels;
        }

        return Math.Clamp(GemmDriver.InPlaceBMaxRows / kk, 1, g.InChannels);
    }

    /// <summary>gy of images [n0, n0 + count) as a [Cout, count·P] matrix: in place for one image, else folded into scratch.</summary>
    private static float* Folded(float* gy, int n0, int count, int channels, int p, out nint ld)
    {
        if (count == 1)
        {
            ld = p;
            return gy + ((nint)n0 * channels * p);
        }

        ld = ConvLayout.Pitch(count * p);
        float* folded = (t_folded ??= new AlignedBuffer()).Get(channels * ld);
        ConvLayout.Fold(gy, n0, count, channels, p, folded, ld);
        return folded;
    }
}
