namespace GanAugment.Tensors.Kernels;

/// <summary>
/// The three convolution passes on validated pointers. Forward and InputGrad own disjoint output
/// images per run, so with enough runs each thread takes whole runs (im2col, a one-thread GEMM and
/// the scatter stay in its own cache); otherwise runs go one by one with threads inside each step.
/// WeightGrad sums over every image, so its runs go in a fixed order (a K split that never depends
/// on the thread count) and only the GEMM and im2col inside a run are parallel.
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

    public static void Forward(float* x, float* w, float* y, ConvGeometry g, int threads, ConvTuning tuning)
    {
        ConvChunks plan = ConvChunks.Plan(g, tuning.ColumnBudget, tuning.MinColumns, 2 * threads, fitTiles: true);
        if (threads > 1 && plan.Count >= threads)
        {
            nint px = (nint)x;
            nint pw = (nint)w;
            nint py = (nint)y;
            EngineThreads.For(0, plan.Count, threads, run => ForwardRun((float*)px, (float*)pw, (float*)py, g, plan, run, 1));
            return;
        }

        for (int run = 0; run < plan.Count; run++)
        {
            ForwardRun(x, w, y, g, plan, run, threads);
        }
    }

    public static void InputGrad(float* gy, float* w, float* gx, ConvGeometry g, int threads, ConvTuning tuning)
    {
        ConvChunks plan = ConvChunks.Plan(g, tuning.ColumnBudget, tuning.MinColumns, 2 * threads, fitTiles: true);
        if (plan.Count == 0)
        {
            return;
        }

        int ckk = g.InChannels * g.KernelH * g.KernelW;
        float* wt = (t_weight ??= new AlignedBuffer()).Get((long)ckk * g.OutChannels);
        MatrixTranspose.Run(w, g.OutChannels, ckk, ckk, wt, g.OutChannels);
        if (threads > 1 && plan.Count >= threads)
        {
            nint pgy = (nint)gy;
            nint pwt = (nint)wt;
            nint pgx = (nint)gx;
            EngineThreads.For(0, plan.Count, threads, run => InputGradRun((float*)pgy, (float*)pwt, (float*)pgx, g, plan, run, 1));
            return;
        }

        for (int run = 0; run < plan.Count; run++)
        {
            InputGradRun(gy, wt, gx, g, plan, run, threads);
        }
    }

    public static void WeightGrad(float* x, float* gy, float* gw, ConvGeometry g, int threads, ConvTuning tuning)
    {
        int p = g.OutHeight * g.OutWidth;
        int ckk = g.InChannels * g.KernelH * g.KernelW;
        if (g.Batch == 0)
        {
            new Span<float>(gw, g.OutChannels * ckk).Clear();
            return;
        }

        ConvChunks plan = ConvChunks.Plan(g, tuning.WeightGradColumnBudget, tuning.MinColumns, 1, fitTiles: false);
        float* gwt = (t_weight ??= new AlignedBuffer()).Get((long)ckk * g.OutChannels);
        for (int run = 0; run < plan.Count; run++)
        {
            (int n0, int count) = plan.Run(run, g.Batch);
            int columns = count * p;
            nint ld = Pitch(columns);
            float* cols = (t_columns ??= new AlignedBuffer()).Get(ckk * ld);
            Im2Col.FillParallel(x, g, n0, count, cols, ld, threads);
            float* b = Folded(gy, n0, count, g.OutChannels, p, out nint ldb);
            Gemm.SgemmCore(
                GemmPath.Auto, false, true, ckk, g.OutChannels, columns, cols, ld, b, ldb, gwt, g.OutChannels, accumulate: run > 0, threads);
        }

        MatrixTranspose.Run(gwt, ckk, g.OutChannels, g.OutChannels, gw, ckk);
    }

    private static void ForwardRun(float* x, float* w, float* y, in ConvGeometry g, in ConvChunks plan, int run, int threads)
    {
        (int n0, int count) = plan.Run(run, g.Batch);
        int p = g.OutHeight * g.OutWidth;
        int ckk = g.InChannels * g.KernelH * g.KernelW;
        int columns = count * p;
        nint ld = Pitch(columns);
        float* cols = (t_columns ??= new AlignedBuffer()).Get(ckk * ld);
        if (threads == 1)
        {
            Im2Col.Fill(x, g, n0, count, 0, g.InChannels, cols, ld);
        }
        else
        {
            Im2Col.FillParallel(x, g, n0, count, cols, ld, threads);
        }

        // One image: the GEMM writes y[n] directly. Several: [Cout, images·P], then unfolded to NCHW.
        nint ldc = count == 1 ? p : ld;
        float* c = count == 1 ? y + ((nint)n0 * g.OutChannels * p) : (t_folded ??= new AlignedBuffer()).Get(g.OutChannels * ld);
        Gemm.SgemmCore(GemmPath.Auto, false, false, g.OutChannels, columns, ckk, w, ckk, cols, ld, c, ldc, false, threads);
        if (count > 1)
        {
            ConvLayout.Unfold(c, ld, n0, count, g.OutChannels, p, y);
        }
    }

    /// <summary>One run of InputGrad: cols = wᵀ·gy (wt is w transposed, [Cin·kh·kw, Cout]), then col2im.</summary>
    private static void InputGradRun(float* gy, float* wt, float* gx, in ConvGeometry g, in ConvChunks plan, int run, int threads)
    {
        (int n0, int count) = plan.Run(run, g.Batch);
        int p = g.OutHeight * g.OutWidth;
        int ckk = g.InChannels * g.KernelH * g.KernelW;
        int columns = count * p;
        nint ld = Pitch(columns);
        float* b = Folded(gy, n0, count, g.OutChannels, p, out nint ldb);
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
    /// Row pitch of a scratch matrix with <paramref name="columns"/> columns: a multiple of 16 floats
    /// (64 bytes) that is an odd number of cache lines, so the rows a micro-kernel walks in place
    /// spread over all L1 sets instead of aliasing onto a few.
    /// </summary>
    private static nint Pitch(int columns)
    {
        nint lines = ((nint)columns + 15) / 16;
        return (lines | 1) * 16;
    }

    /// <summary>gy of images [n0, n0 + count) as a [Cout, count·P] matrix: in place for one image, else folded into scratch.</summary>
    private static float* Folded(float* gy, int n0, int count, int channels, int p, out nint ld)
    {
        if (count == 1)
        {
            ld = p;
            return gy + ((nint)n0 * channels * p);
        }

        ld = Pitch(count * p);
        float* folded = (t_folded ??= new AlignedBuffer()).Get(channels * ld);
        ConvLayout.Fold(gy, n0, count, channels, p, folded, ld);
        return folded;
    }
}
