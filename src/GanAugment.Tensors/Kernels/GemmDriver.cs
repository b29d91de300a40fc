using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// The blocked (Goto/BLIS) SGEMM driver behind <see cref="Gemm"/>: for each NC-column block, each
/// KC-deep slice of K is packed from op(B) into NR-wide micro-panels; each MC-row block of op(A) is
/// packed into MR-high panels (or read in place when A is not transposed, or is transposed with at
/// most <see cref="ShortRows"/> rows); then the micro-kernel
/// computes every MR x NR tile. When C has few rows, an untransposed B is read in place too.
/// Threads take disjoint tile-aligned blocks of C and never split K,
/// so each C element is computed by the same instruction sequence whatever the thread count.
/// </summary>
internal static unsafe class GemmDriver
{
    /// <summary>
    /// Deepest K slice: one 32-wide B micro-panel (32 KB) plus the 12 A rows it meets (12 KB) then
    /// stay in the 48 KB L1. (320 looked attractive for fewer C passes but cost ~30 % on the conv
    /// weight gradients, whose in-place A rows no longer fit beside the panel.)
    /// </summary>
    public const int KC = 256;


    /// <summary>Rows of a packed A block (a multiple of every MR); 144 x 256 floats live in L2.</summary>
    public const int MC = 144;

    /// <summary>Columns of a packed B block (a multiple of every NR).</summary>
    public const int NC = 4096;

    /// <summary>
    /// Up to this many rows of C, an untransposed B is read in place instead of packed: each B
    /// element then meets so few A panels that packing costs as much as the FMAs (measured on the
    /// conv shapes M = Cout = 32..256: +10–40 %); above it, packed panels win.
    /// </summary>
    public const int InPlaceBMaxRows = 2 * MC;

    /// <summary>C blocks at least this large (floats; 2 MB, twice L2) keep each row block resident across K slices.</summary>
    public const long ResidentCMinFloats = 1 << 19;

    /// <summary>...as long as B packed for every slice of one column block fits this many floats (16 MB).</summary>
    public const long ResidentCMaxPackedB = 1 << 22;

    /// <summary>Products below this many FLOPs (2·m·n·k) run on one thread: fork/join costs several µs.</summary>
    public const double ParallelFlops = 5e6;

    /// <summary>Each extra thread must get at least this many FLOPs.</summary>
    public const double FlopsPerThread = 2.5e6;

    [ThreadStatic]
    private static AlignedBuffer? t_packA;

    [ThreadStatic]
    private static AlignedBuffer? t_packB;

    [ThreadStatic]
    private static AlignedBuffer? t_tile;

    /// <summary>
    /// Up to this many rows of C, the R x 32 kernel may replace the 12x32 one (when it pads M
    /// less), and a transposed A is read in place instead of packed: its few rows per k-step lie
    /// in one or two cache lines, and packing them costs as much as the FMAs when N is narrow
    /// (dB = Aᵀ·dC of a 3x3 one-channel layer: 9x32 from K = 12544).
    /// </summary>
    public const int ShortRows = 32;

    /// <summary>Resolves <see cref="GemmPath.Auto"/> from the hardware and the shape of C.</summary>
    public static GemmPath Choose(int m, int n)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            // NOTE: every other tile must pad less than 12x32 by 3% to replace it. 6x64 pays off
            // when M = 64 rows split 10x6+4 vs 6x12 = 72 and collapses when N = 32; 16x16 serves
            // N ≤ 16 (9 of 16 lanes instead of 9 of 32); R x 32 serves short M (9 → 9 rows, 25 → 27).
            GemmPath path = GemmPath.Avx512Tile12x32;
            long best = (long)RoundUp(m, 12) * RoundUp(n, 32);
            Consider(GemmPath.Avx512Tile6x64, (long)RoundUp(m, 6) * RoundUp(n, 64), ref path, ref best);
            if (n <= 16)
            {
                Consider(GemmPath.Avx512Tile16x16, (long)RoundUp(m, 16) * 16, ref path, ref best);
            }

            if (m <= ShortRows)
            {
                Consider(GemmPath.Avx512TileRx32, (long)RowKernels.Padded(m, RowKernels.Rows(m)) * RoundUp(n, 32), ref path, ref best);
            }

            return path;
        }

        if (Vector256.IsHardwareAccelerated && Fma.IsSupported)
        {
            return GemmPath.Avx2Tile6x16;
        }

        return GemmPath.Scalar;
    }

    private static void Consider(GemmPath candidate, long padded, ref GemmPath path, ref long best)
    {
        if (padded * 100 < best * 97)
        {
            (path, best) = (candidate, padded);
        }
    }

    /// <summary>Runs C[m,n] (=|+=) op(A)·op(B) for validated arguments with m, n, k ≥ 1.</summary>
    public static void Run(GemmPath path, GemmArgs args, int threads)
    {
        if (path == GemmPath.Avx512Dot4x4 ? GemmDot.Fits(args) : path == GemmPath.Auto && GemmDot.Suits(args))
        {
            GemmDot.Run(args, threads);
            return;
        }

        if (path == GemmPath.Avx512Dot4x4)
        {
            path = GemmPath.Auto;
        }

        if (SwapOperands(args))
        {
            // NOTE: a short C against a transposed B (a Linear layer's x·Wᵀ) would pack all of B
            // with transposes for only a few A panels. Cᵀ = op(B)ᵀ·op(A)ᵀ instead reads B in place
            // as the A operand and packs the small op(A); tiles are stored transposed. Each element
            // is the same FMA chain with the factors commuted, so the bits do not change.
            args = new GemmArgs(
                false, !args.TransA, args.N, args.M, args.K, args.B, args.Ldb, args.A, args.Lda, args.C, args.Ldc, args.Accumulate, TransposeC: true, args.Order);
        }

        switch (path == GemmPath.Auto ? Choose(args.M, args.N) : path)
        {
            case GemmPath.Avx512Tile12x32:
                Run<Kernel512x12x32>(args, threads);
                break;
            case GemmPath.Avx512Tile6x64:
                Run<Kernel512x6x64>(args, threads);
                break;
            case GemmPath.Avx512Tile16x16:
                Run<Kernel512x16x16>(args, threads);
                break;
            case GemmPath.Avx512TileRx32:
                var job = new RowsJob(args, threads);
                RowKernels.Dispatch(RowKernels.Rows(args.M), ref job);
                break;
            case GemmPath.Avx2Tile6x16:
                Run<Kernel256x6x16>(args, threads);
                break;
            default:
                Run<KernelScalar4x8>(args, threads);
                break;
        }
    }

    /// <summary>Runs the blocked driver with micro-kernel <typeparamref name="TK"/> on up to <paramref name="threads"/> threads.</summary>
    internal static void Run<TK>(GemmArgs args, int threads)
        where TK : struct, IMicroKernel
    {
        int tilesM = (args.M + TK.MR - 1) / TK.MR;
        int tilesN = (args.N + TK.NR - 1) / TK.NR;
        double flops = 2.0 * args.M * args.N * args.K;
        int usable = flops < ParallelFlops ? 1 : (int)Math.Min(threads, Math.Max(1, flops / FlopsPerThread));
        (int gridM, int gridN) = Partition(tilesM, tilesN, args.M, args.N, usable);
        if (gridM * gridN == 1)
        {
            RunBlock<TK>(args, 0, args.M, 0, args.N);
            return;
        }

        EngineThreads.For(0, gridM * gridN, gridM * gridN, block =>
        {
            int bm = block / gridN;
            int bn = block % gridN;
            int i0 = Math.Min(args.M, (int)((long)tilesM * bm / gridM) * TK.MR);
            int i1 = Math.Min(args.M, (int)((long)tilesM * (bm + 1) / gridM) * TK.MR);
            int j0 = Math.Min(args.N, (int)((long)tilesN * bn / gridN) * TK.NR);
            int j1 = Math.Min(args.N, (int)((long)tilesN * (bn + 1) / gridN) * TK.NR);
            if (i0 < i1 && j0 < j1)
            {
                RunBlock<TK>(args, i0, i1, j0, j1);
            }
        });
    }

    /// <summary>
    /// Whether to run C = op(A)·Bᵀ as Cᵀ = B·op(A)ᵀ (M becomes the tile width, so at least 32).
    /// Measured (1 thread, M = 64): x·Wᵀ with
    /// W 784x512 went from ~147 to ~192 GFLOP/s, 256x512 from ~158 to ~182; but the transposed
    /// tile stores do not pay for short K (W 512x100: 191 → 159) and a W larger than L2 streamed
    /// in place loses to packing (1024x784: 182 → 154). Hence the K and size limits, except when W's
    /// rows lie a multiple of 4 KB apart, which the transposed packing reads badly: the generator's
    /// last layer, x·Wᵀ with W 784x1024, went from 0.83 to 0.55 ms (min of 40, 1 thread) swapped.
    /// </summary>
    private static bool SwapOperands(in GemmArgs args) =>
        args.TransB && args.M >= 32 && args.M <= 128 && args.N > args.M && args.K >= 256
        && ((long)args.N * args.K <= 1 << 19 || args.Ldb % 1024 == 0);

    /// <summary>
    /// Picks a gridM x gridN split (gridM·gridN ≤ threads) of the tile grid that minimises the
    /// largest block. Ties go to the split that re-reads less: every column block reads all of A
    /// (M·K) and every row block packs all of B (K·N), so the longer side of C is the one to cut.
    /// </summary>
    internal static (int GridM, int GridN) Partition(int tilesM, int tilesN, int m, int n, int threads)
    {
        (int gridM, int gridN) = (1, 1);
        long best = (long)tilesM * tilesN;
        long bestReread = 0;
        for (int gm = 1; gm <= Math.Min(threads, tilesM); gm++)
        {
            for (int gn = Math.Min(threads / gm, tilesN); gn >= 1; gn--)
            {
                long largest = (long)((tilesM + gm - 1) / gm) * ((tilesN + gn - 1) / gn);
                long reread = ((long)(gn - 1) * m) + ((long)(gm - 1) * n);
                if (largest < best || (largest == best && reread < bestReread))
                {
                    (best, bestReread, gridM, gridN) = (largest, reread, gm, gn);
                }
            }
        }

        return (gridM, gridN);
    }

    /// <summary>
    /// Computes the block C[i0..i1, j0..j1]. Usual loop order: per K slice, pack B once and sweep
    /// every row block. When C is large and K has several slices, that order re-reads and re-writes
    /// all of C once per slice from memory, so instead all of B's slices are packed first and each
    /// row block of C runs through every slice while it stays in L2 (same sums, same order).
    /// Measured (1 thread): 4800x385x833 A·Bᵀ (a conv-transpose weight gradient) 185 → 191 GFLOP/s,
    /// 3136x4800x385 +2–7 %; with a transposed A (packed per block either way) it lost ~5 %.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunBlock<TK>(in GemmArgs args, int i0, int i1, int j0, int j1)
        where TK : struct, IMicroKernel
    {
        int nr = TK.NR;
        int k = args.K;
        int depth = SliceDepth(k);
        bool inPlaceB = !args.TransB && args.M <= InPlaceBMaxRows;
        int nBlock = Math.Min(NC, RoundUp(j1 - j0, nr));
        int mcStep = MC - (MC % TK.MR);
        bool residentC = args.Order switch
        {
            GemmLoopOrder.SliceOuter => false,
            GemmLoopOrder.RowBlockOuter => !inPlaceB,
            _ => !inPlaceB && !args.TransA && k > depth && (long)(i1 - i0) * (j1 - j0) >= ResidentCMinFloats
                && (long)k * nBlock <= ResidentCMaxPackedB,
        };
        var work = new BlockWork(
            (t_packA ??= new AlignedBuffer()).Get((long)MC * depth),
            (t_packB ??= new AlignedBuffer()).Get((long)(residentC ? k : depth) * nBlock),
            (t_tile ??= new AlignedBuffer()).Get(TK.MR * nr),
            inPlaceB);

        for (int jc = j0; jc < j1; jc += NC)
        {
            int nc = Math.Min(NC, j1 - jc);
            if (residentC)
            {
                for (int pc = 0; pc < k; pc += depth)
                {
                    GemmPacking.PackB(args.TransB, (float*)args.B, args.Ldb, pc, Math.Min(depth, k - pc), jc, nc, nr, work.PackB + ((nint)pc * nBlock));
                }

                for (int ic = i0; ic < i1; ic += mcStep)
                {
                    for (int pc = 0; pc < k; pc += depth)
                    {
                        MultiplyBlock<TK>(args, work, ic, Math.Min(mcStep, i1 - ic), pc, Math.Min(depth, k - pc), jc, nc, work.PackB + ((nint)pc * nBlock));
                    }
                }

                continue;
            }

            for (int pc = 0; pc < k; pc += depth)
            {
                int kc = Math.Min(depth, k - pc);
                int fullCols = inPlaceB ? nc - (nc % nr) : 0;
                if (!inPlaceB)
                {
                    GemmPacking.PackB(args.TransB, (float*)args.B, args.Ldb, pc, kc, jc, nc, nr, work.PackB);
                }
                else if (fullCols < nc)
                {
                    // Only the ragged last column panel is packed: reading it in place would run past column n.
                    GemmPacking.PackB(false, (float*)args.B, args.Ldb, pc, kc, jc + fullCols, nc - fullCols, nr, work.PackB);
                }

                for (int ic = i0; ic < i1; ic += mcStep)
                {
                    MultiplyBlock<TK>(args, work, ic, Math.Min(mcStep, i1 - ic), pc, kc, jc, nc, work.PackB);
                }
            }
        }
    }

    /// <summary>
    /// One row block x one K slice x one column block: packs the A block (or reads it in place),
    /// then runs the micro-kernel over every tile. <paramref name="packB"/> holds this slice's packed
    /// panels (with an in-place B, only the ragged last panel).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyBlock<TK>(in GemmArgs args, in BlockWork work, int ic, int mc, int pc, int kc, int jc, int nc, float* packB)
        where TK : struct, IMicroKernel
    {
        int mr = TK.MR;
        int nr = TK.NR;
        float* a = (float*)args.A;
        float* b = (float*)args.B;
        float* c = (float*)args.C;
        nint lda = args.Lda;
        nint ldc = args.Ldc;
        bool accumulate = args.Accumulate || pc > 0;
        int fullCols = work.InPlaceB ? nc - (nc % nr) : 0;
        bool inPlaceA = !args.TransA || args.M <= ShortRows;
        int fullRows = inPlaceA ? mc - (mc % mr) : 0;
        if (fullRows < mc)
        {
            // Only the ragged last row panel is packed (all of a long transposed A): reading it in
            // place would run past row m.
            GemmPacking.PackA(args.TransA, a, lda, ic + fullRows, mc - fullRows, pc, kc, mr, work.PackA);
        }

        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            float* bPanel;
            nint bStep;
            if (jr < fullCols)
            {
                bPanel = b + (pc * args.Ldb) + jc + jr;
                bStep = args.Ldb;
            }
            else
            {
                bPanel = packB + ((nint)(jr - fullCols) * kc);
                bStep = nr;
            }

            for (int ir = 0; ir < mc; ir += mr)
            {
                int rows = Math.Min(mr, mc - ir);
                float* aPanel;
                nint rowStride;
                nint kStep;
                if (ir < fullRows && args.TransA)
                {
                    aPanel = a + (pc * lda) + ic + ir;
                    rowStride = 1;
                    kStep = lda;
                }
                else if (ir < fullRows)
                {
                    aPanel = a + ((ic + ir) * lda) + pc;
                    rowStride = lda;
                    kStep = 1;
                }
                else
                {
                    aPanel = work.PackA + ((nint)(ir - fullRows) * kc);
                    rowStride = 1;
                    kStep = mr;
                }

                if (args.TransposeC)
                {
                    TK.Run(kc, aPanel, rowStride, kStep, bPanel, bStep, work.Tile, nr, false);
                    StoreTransposed(work.Tile, nr, c + ((jc + jr) * ldc) + ic + ir, ldc, rows, cols, accumulate);
                    continue;
                }

                float* cTile = c + ((ic + ir) * ldc) + jc + jr;
                if (rows == mr && cols == nr)
                {
                    TK.Run(kc, aPanel, rowStride, kStep, bPanel, bStep, cTile, ldc, accumulate);
                }
                else if (rows == mr && TK.MasksColumns)
                {
                    TK.RunColumns(kc, aPanel, rowStride, kStep, bPanel, bStep, cTile, ldc, accumulate, cols);
                }
                else
                {
                    TK.Run(kc, aPanel, rowStride, kStep, bPanel, bStep, work.Tile, nr, false);
                    StoreEdge(work.Tile, nr, cTile, ldc, rows, cols, accumulate);
                }
            }
        }
    }

    /// <summary>c[r·ldc + j] (=|+=) tile[r·nr + j] for a rows x cols tile (masked 16-lane chunks on AVX-512).</summary>
    internal static void StoreEdge(float* tile, int nr, float* c, nint ldc, int rows, int cols, bool accumulate)
    {
        if (Avx512F.IsSupported)
        {
            for (int j = 0; j < cols; j += 16)
            {
                Vector512<float> mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(cols - j)).AsSingle();
                for (int r = 0; r < rows; r++)
                {
                    float* dst = c + (r * ldc) + j;
                    Vector512<float> value = Vector512.Load(tile + (r * nr) + j);
                    if (accumulate)
                    {
                        value = Avx512F.MaskLoad(dst, mask, Vector512<float>.Zero) + value;
                    }

                    Avx512F.MaskStore(dst, mask, value);
                }
            }

            return;
        }

        for (int r = 0; r < rows; r++)
        {
            float* src = tile + (r * nr);
            float* dst = c + (r * ldc);
            if (accumulate)
            {
                for (int j = 0; j < cols; j++)
                {
                    dst[j] += src[j];
                }
            }
            else
            {
                new ReadOnlySpan<float>(src, cols).CopyTo(new Span<float>(dst, cols));
            }
        }
    }

    /// <summary>
    /// c[j·ldc + i] (=|+=) tile[i·nr + j] for a rows x cols tile, in 8x8 and then 4x8 register blocks
    /// where they fit (a 12-row tile is one of each), the rest element by element.
    /// </summary>
    private static void StoreTransposed(float* tile, int nr, float* c, nint ldc, int rows, int cols, bool accumulate)
    {
        int rows8 = Avx.IsSupported ? rows & ~7 : 0;
        int rows4 = Avx.IsSupported ? rows & ~3 : 0;
        int cols8 = Avx.IsSupported ? cols & ~7 : 0;
        for (int r = 0; r < rows8; r += 8)
        {
            for (int j = 0; j < cols8; j += 8)
            {
                MatrixTranspose.Block8x8(tile + (r * nr) + j, nr, c + (j * ldc) + r, ldc, accumulate);
            }
        }

        if (rows4 > rows8)
        {
            for (int j = 0; j < cols8; j += 8)
            {
                MatrixTranspose.Block4x8(tile + (rows8 * nr) + j, nr, c + (j * ldc) + rows8, ldc, accumulate);
            }
        }

        for (int j = 0; j < cols; j++)
        {
            float* dst = c + (j * ldc);
            for (int r = j < cols8 ? rows4 : 0; r < rows; r++)
            {
                float value = tile[(r * nr) + j];
                dst[r] = accumulate ? dst[r] + value : value;
            }
        }
    }

    /// <summary>
    /// Depth of the K slices: K split into ceil(K / KC) equal slices (rounded up to 4), so
    /// K = 784 runs as 4 x 196 rather than 256+256+256+16, whose last slice would pay a full
    /// C load/store for 16 steps. Depends on K only, so it never changes with the thread count.
    /// </summary>
    internal static int SliceDepth(int k)
    {
        int slices = (k + KC - 1) / KC;
        return Math.Min(k, RoundUp((k + slices - 1) / slices, 4));
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}

/// <summary>Runs the blocked driver with the row kernel <see cref="RowKernels.Dispatch"/> picks.</summary>
internal readonly struct RowsJob(GemmArgs args, int threads) : IRowsJob
{
    public void Run<TR>()
        where TR : struct, IRowCount => GemmDriver.Run<Kernel512xRx32<TR>>(args, threads);
}

/// <summary>Per-thread scratch of one block: packed A block, packed B (one slice or all), one edge tile.</summary>
internal readonly unsafe struct BlockWork(float* packA, float* packB, float* tile, bool inPlaceB)
{
    public float* PackA { get; } = packA;

    public float* PackB { get; } = packB;

    public float* Tile { get; } = tile;

    public bool InPlaceB { get; } = inPlaceB;
}

/// <summary>
/// Validated arguments of one SGEMM (pointers as <see cref="nint"/> so closures can carry them).
/// With <paramref name="TransposeC"/>, element (i, j) of the product goes to C[j·Ldc + i].
/// </summary>
internal readonly record struct GemmArgs(
    bool TransA, bool TransB, int M, int N, int K, nint A, nint Lda, nint B, nint Ldb, nint C, nint Ldc, bool Accumulate,
    bool TransposeC = false, GemmLoopOrder Order = GemmLoopOrder.Auto);

/// <summary>Loop order of <see cref="GemmDriver"/> (<see cref="Auto"/> picks by the size of C); tests force each.</summary>
internal enum GemmLoopOrder
{
    /// <summary>Row-block-outer for large C with several K slices, else slice-outer.</summary>
    Auto,

    /// <summary>K slices outermost: pack one slice of B, sweep every row block.</summary>
    SliceOuter,

    /// <summary>Row blocks outermost over B packed for every slice (ignored when B is read in place).</summary>
    RowBlockOuter,
}
