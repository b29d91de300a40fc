using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// C (=|+=) A·Bᵀ for row-major A (m x k) and B (n x k) as dot products along K, with nothing packed
/// and nothing transposed: a 4x4 tile of C keeps 16 AVX-512 accumulators, each k-step loads 16
/// floats of 4 A rows and 4 B rows (8 loads, 16 FMAs), and at the end the 16 vectors are reduced
/// with one shuffle tree into four 4-float rows of C. K beyond <see cref="KB"/> is walked in blocks,
/// with the tiles' accumulator vectors parked in scratch between blocks, so each lane's FMA chain
/// (and so every bit) is the same as in one pass. A ragged K tail goes through zero-padded copies.
/// Threads take disjoint ranges of column tiles and never split K. This is the shape of a Linear
/// layer's x·Wᵀ at small batch and of a convolution's weight gradient when Cin·kh·kw is small,
/// where the packed outer-product kernels spend as long packing and transposing as multiplying.
/// </summary>
internal static unsafe class GemmDot
{
    /// <summary>Rows and columns of one C tile.</summary>
    public const int Tile = 4;

    /// <summary>
    /// K floats per block: the 4 B rows of one block (4 KB) and every A row of the block (at most
    /// <see cref="MaxRows"/> x KB floats, 32 KB) stay in the 48 KB L1. Measured on the 25x192x12544
    /// weight gradient of a 5x5 convolution with one input channel (1 thread): 1.54 ms with 256,
    /// 1.75 ms with 1024 (the A rows then stream from L2).
    /// </summary>
    public const int KB = 256;

    /// <summary>
    /// Most rows of C the automatic choice hands to this kernel. NOTE: at 64 rows (a Linear layer's
    /// x·Wᵀ at batch 64) it lost to the packed kernels: 166 against 195 GFLOP/s on 64x784x512 with
    /// K blocks of 1024 (A streams from L2), 87 with blocks of 256 (parking costs more than it saves).
    /// </summary>
    public const int MaxRows = 32;

    [ThreadStatic]
    private static AlignedBuffer? t_tails;

    [ThreadStatic]
    private static AlignedBuffer? t_accumulators;

    /// <summary>Whether the kernel can run this product at all (A·Bᵀ layout, AVX-512).</summary>
    public static bool Fits(in GemmArgs args) =>
        Vector512.IsHardwareAccelerated && !args.TransA && args.TransB && !args.TransposeC;

    /// <summary>
    /// Whether the automatic choice takes this kernel: few rows of C and at least two full k-steps.
    /// Measured (1 thread, batch 64): the weight gradient of conv 1→32 3x3 (9x32x12544) went from
    /// 32 to 51-54 GFLOP/s, convT 192→1 5x5 (25x192x12544) from 73 to 78.
    /// </summary>
    public static bool Suits(in GemmArgs args) => Fits(args) && args.M <= MaxRows && args.K >= 32;

    /// <summary>Runs C[m,n] (=|+=) A·Bᵀ for validated arguments with m, n, k ≥ 1 on up to <paramref name="threads"/> threads.</summary>
    public static void Run(in GemmArgs args, int threads)
    {
        int m = args.M;
        int n = args.N;
        int k = args.K;
        int tilesM = (m + Tile - 1) / Tile;
        int tilesN = (n + Tile - 1) / Tile;
        int kFull = k & ~15;
        int tail = k - kFull;
        float* tails = null;
        if (tail > 0)
        {
            // Zero-padded copies of every row's last k % 16 floats: A rows first, then B rows.
            tails = (t_tails ??= new AlignedBuffer()).Get((long)(m + n) * 16);
            CopyTails((float*)args.A, args.Lda, m, kFull, tail, tails);
            CopyTails((float*)args.B, args.Ldb, n, kFull, tail, tails + ((nint)m * 16));
        }

        Vector512<float>* parked = k > KB
            ? (Vector512<float>*)(t_accumulators ??= new AlignedBuffer()).Get((long)tilesM * tilesN * 16 * 16)
            : null;
        var work = new DotWork(args, tilesM, tails, parked);
        double flops = 2.0 * m * n * k;
        int usable = flops < GemmDriver.ParallelFlops ? 1 : (int)Math.Min(Math.Min(threads, tilesN), Math.Max(1, flops / GemmDriver.FlopsPerThread));
        if (usable <= 1)
        {
            Columns(work, 0, tilesN);
            return;
        }

        EngineThreads.For(0, usable, usable, part =>
            Columns(work, (int)((long)tilesN * part / usable), (int)((long)tilesN * (part + 1) / usable)));
    }

    private static void CopyTails(float* src, nint ld, int rows, int kFull, int tail, float* dst)
    {
        for (int r = 0; r < rows; r++)
        {
            float* d = dst + ((nint)r * 16);
            Vector512<float>.Zero.Store(d);
            new ReadOnlySpan<float>(src + ((nint)r * ld) + kFull, tail).CopyTo(new Span<float>(d, tail));
        }
    }

    /// <summary>Every tile of column tiles [jt0, jt1): K block by K block, row tiles innermost (the 4 B rows stay in L1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Columns(in DotWork work, int jt0, int jt1)
    {
        GemmArgs args = work.Args;
        int kFull = args.K & ~15;
        int blockSteps = KB / 16;
        int totalSteps = kFull / 16;
        for (int jt = jt0; jt < jt1; jt++)
        {
            int j = jt * Tile;
            int cols = Math.Min(Tile, args.N - j);
            for (int step0 = 0; step0 == 0 || step0 < totalSteps; step0 += blockSteps)
            {
                int steps = Math.Min(blockSteps, totalSteps - step0);
                bool resume = step0 > 0;
                bool finish = step0 + steps >= totalSteps;
                for (int it = 0; it < work.TilesM; it++)
                {
                    int i = it * Tile;
                    var tile = new DotTile(
                        (float*)args.A + ((nint)i * args.Lda) + (step0 * 16), args.Lda, Math.Min(Tile, args.M - i),
                        (float*)args.B + ((nint)j * args.Ldb) + (step0 * 16), args.Ldb, cols);
                    Vector512<float>* parked = work.Parked == null ? null : work.Parked + (((nint)jt * work.TilesM) + it) * 16;
                    float* aTail = work.Tails == null ? null : work.Tails + ((nint)i * 16);
                    float* bTail = work.Tails == null ? null : work.Tails + ((nint)(args.M + j) * 16);
                    float* c = finish ? (float*)args.C + ((nint)i * args.Ldc) + j : null;
                    Kernel(tile, steps, parked, resume, aTail, bTail, c, args.Ldc, args.Accumulate);
                }
            }
        }
    }

    /// <summary>
    /// One tile over <paramref name="steps"/> 16-float k-steps: starts from zero (or the parked
    /// vectors when <paramref name="resume"/>); then either parks the vectors (<paramref name="c"/>
    /// null) or adds the padded tail step, reduces and writes the valid part of the tile to C.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel(
        in DotTile t, int steps, Vector512<float>* parked, bool resume, float* aTail, float* bTail, float* c, nint ldc, bool accumulate)
    {
        float* a0 = t.A;
        float* a1 = t.Rows > 1 ? a0 + t.Lda : a0;
        float* a2 = t.Rows > 2 ? a0 + (2 * t.Lda) : a0;
        float* a3 = t.Rows > 3 ? a0 + (3 * t.Lda) : a0;
        float* b0 = t.B;
        float* b1 = t.Cols > 1 ? b0 + t.Ldb : b0;
        float* b2 = t.Cols > 2 ? b0 + (2 * t.Ldb) : b0;
        float* b3 = t.Cols > 3 ? b0 + (3 * t.Ldb) : b0;
        Vector512<float> c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
        if (resume)
        {
            c00 = parked[0]; c01 = parked[1]; c02 = parked[2]; c03 = parked[3];
            c10 = parked[4]; c11 = parked[5]; c12 = parked[6]; c13 = parked[7];
            c20 = parked[8]; c21 = parked[9]; c22 = parked[10]; c23 = parked[11];
            c30 = parked[12]; c31 = parked[13]; c32 = parked[14]; c33 = parked[15];
        }
        else
        {
            c00 = c01 = c02 = c03 = c10 = c11 = c12 = c13 = Vector512<float>.Zero;
            c20 = c21 = c22 = c23 = c30 = c31 = c32 = c33 = Vector512<float>.Zero;
        }

        nint end = (nint)steps * 16;
        for (nint p = 0; p < end; p += 16)
        {
            Vector512<float> x0 = Vector512.Load(a0 + p);
            Vector512<float> x1 = Vector512.Load(a1 + p);
            Vector512<float> x2 = Vector512.Load(a2 + p);
            Vector512<float> x3 = Vector512.Load(a3 + p);
            Vector512<float> y = Vector512.Load(b0 + p);
            c00 = Vector512.FusedMultiplyAdd(x0, y, c00);
            c10 = Vector512.FusedMultiplyAdd(x1, y, c10);
            c20 = Vector512.FusedMultiplyAdd(x2, y, c20);
            c30 = Vector512.FusedMultiplyAdd(x3, y, c30);
            y = Vector512.Load(b1 + p);
            c01 = Vector512.FusedMultiplyAdd(x0, y, c01);
            c11 = Vector512.FusedMultiplyAdd(x1, y, c11);
            c21 = Vector512.FusedMultiplyAdd(x2, y, c21);
            c31 = Vector512.FusedMultiplyAdd(x3, y, c31);
            y = Vector512.Load(b2 + p);
            c02 = Vector512.FusedMultiplyAdd(x0, y, c02);
            c12 = Vector512.FusedMultiplyAdd(x1, y, c12);
            c22 = Vector512.FusedMultiplyAdd(x2, y, c22);
            c32 = Vector512.FusedMultiplyAdd(x3, y, c32);
            y = Vector512.Load(b3 + p);
            c03 = Vector512.FusedMultiplyAdd(x0, y, c03);
            c13 = Vector512.FusedMultiplyAdd(x1, y, c13);
            c23 = Vector512.FusedMultiplyAdd(x2, y, c23);
            c33 = Vector512.FusedMultiplyAdd(x3, y, c33);
        }

        if (c == null)
        {
            parked[0] = c00; parked[1] = c01; parked[2] = c02; parked[3] = c03;
            parked[4] = c10; parked[5] = c11; parked[6] = c12; parked[7] = c13;
            parked[8] = c20; parked[9] = c21; parked[10] = c22; parked[11] = c23;
            parked[12] = c30; parked[13] = c31; parked[14] = c32; parked[15] = c33;
            return;
        }

        if (aTail != null)
        {
            Vector512<float> x0 = Vector512.Load(aTail);
            Vector512<float> x1 = Vector512.Load(t.Rows > 1 ? aTail + 16 : aTail);
            Vector512<float> x2 = Vector512.Load(t.Rows > 2 ? aTail + 32 : aTail);
            Vector512<float> x3 = Vector512.Load(t.Rows > 3 ? aTail + 48 : aTail);
            Vector512<float> y = Vector512.Load(bTail);
            c00 = Vector512.FusedMultiplyAdd(x0, y, c00);
            c10 = Vector512.FusedMultiplyAdd(x1, y, c10);
            c20 = Vector512.FusedMultiplyAdd(x2, y, c20);
            c30 = Vector512.FusedMultiplyAdd(x3, y, c30);
            y = Vector512.Load(t.Cols > 1 ? bTail + 16 : bTail);
            c01 = Vector512.FusedMultiplyAdd(x0, y, c01);
            c11 = Vector512.FusedMultiplyAdd(x1, y, c11);
            c21 = Vector512.FusedMultiplyAdd(x2, y, c21);
            c31 = Vector512.FusedMultiplyAdd(x3, y, c31);
            y = Vector512.Load(t.Cols > 2 ? bTail + 32 : bTail);
            c02 = Vector512.FusedMultiplyAdd(x0, y, c02);
            c12 = Vector512.FusedMultiplyAdd(x1, y, c12);
            c22 = Vector512.FusedMultiplyAdd(x2, y, c22);
            c32 = Vector512.FusedMultiplyAdd(x3, y, c32);
            y = Vector512.Load(t.Cols > 3 ? bTail + 48 : bTail);
            c03 = Vector512.FusedMultiplyAdd(x0, y, c03);
            c13 = Vector512.FusedMultiplyAdd(x1, y, c13);
            c23 = Vector512.FusedMultiplyAdd(x2, y, c23);
            c33 = Vector512.FusedMultiplyAdd(x3, y, c33);
        }

        Put(Reduce4(c00, c01, c02, c03), c, t.Cols, accumulate);
        if (t.Rows > 1)
        {
            Put(Reduce4(c10, c11, c12, c13), c + ldc, t.Cols, accumulate);
        }

        if (t.Rows > 2)
        {
            Put(Reduce4(c20, c21, c22, c23), c + (2 * ldc), t.Cols, accumulate);
        }

        if (t.Rows > 3)
        {
            Put(Reduce4(c30, c31, c32, c33), c + (3 * ldc), t.Cols, accumulate);
        }
    }

    /// <summary>[Σv0, Σv1, Σv2, Σv3]: pairs of vectors interleaved and added, then the four 128-bit lanes added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<float> Reduce4(Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, Vector512<float> v3)
    {
        // Per 128-bit lane: t01 = [v0₀+v0₂, v1₀+v1₂, v0₁+v0₃, v1₁+v1₃], t23 likewise.
        Vector512<float> t01 = Avx512F.UnpackLow(v0, v1) + Avx512F.UnpackHigh(v0, v1);
        Vector512<float> t23 = Avx512F.UnpackLow(v2, v3) + Avx512F.UnpackHigh(v2, v3);

        // Per lane: [Σv0, Σv1, Σv2, Σv3] over the lane's four floats.
        Vector512<float> lanes = Avx512F.Shuffle(t01, t23, 0x44) + Avx512F.Shuffle(t01, t23, 0xEE);
        Vector256<float> half = lanes.GetLower() + lanes.GetUpper();
        return half.GetLower() + half.GetUpper();
    }

    private static void Put(Vector128<float> sums, float* c, int cols, bool accumulate)
    {
        if (cols == Tile)
        {
            (accumulate ? Vector128.Load(c) + sums : sums).Store(c);
            return;
        }

        for (int j = 0; j < cols; j++)
        {
            c[j] = accumulate ? c[j] + sums.GetElement(j) : sums.GetElement(j);
        }
    }
}

/// <summary>One tile's operands: the first A row and first B row at the current K block, strides and valid counts.</summary>
internal readonly unsafe struct DotTile(float* a, nint lda, int rows, float* b, nint ldb, int cols)
{
    public float* A { get; } = a;

    public nint Lda { get; } = lda;

    public int Rows { get; } = rows;

    public float* B { get; } = b;

    public nint Ldb { get; } = ldb;

    public int Cols { get; } = cols;
}

/// <summary>What every thread of one <see cref="GemmDot"/> call shares: the arguments, padded tails and parked accumulators.</summary>
internal readonly unsafe struct DotWork(GemmArgs args, int tilesM, float* tails, Vector512<float>* parked)
{
    public GemmArgs Args { get; } = args;

    public int TilesM { get; } = tilesM;

    public float* Tails { get; } = tails;

    public Vector512<float>* Parked { get; } = parked;
}
