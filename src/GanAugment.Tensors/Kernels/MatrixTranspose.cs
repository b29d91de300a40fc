using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanAugment.Tensors.Kernels;

/// <summary>Out-of-place float matrix transpose, 8x8 blocks in registers (AVX) with a scalar rim.</summary>
internal static unsafe class MatrixTranspose
{
    /// <summary>dst[j·ldd + i] = src[i·lds + j] for a rows x cols source.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* src, int rows, int cols, nint lds, float* dst, nint ldd)
    {
        int rows8 = Avx.IsSupported ? rows & ~7 : 0;
        int cols8 = Avx.IsSupported ? cols & ~7 : 0;
        for (int i = 0; i < rows8; i += 8)
        {
            for (int j = 0; j < cols8; j += 8)
            {
                Block8x8(src + (i * lds) + j, lds, dst + (j * ldd) + i, ldd);
            }

            for (int r = i; r < i + 8; r++)
            {
                for (int j = cols8; j < cols; j++)
                {
                    dst[(j * ldd) + r] = src[(r * lds) + j];
                }
            }
        }

        for (int r = rows8; r < rows; r++)
        {
            for (int j = 0; j < cols; j++)
            {
                dst[(j * ldd) + r] = src[(r * lds) + j];
            }
        }
    }

    /// <summary>
    /// <see cref="Run"/> on up to <paramref name="threads"/> threads for matrices of at least
    /// <see cref="ParallelMinFloats"/>, split into bands of source rows (disjoint destination columns).
    /// </summary>
    public static void RunParallel(float* src, int rows, int cols, nint lds, float* dst, nint ldd, int threads)
    {
        int bands = (long)rows * cols < ParallelMinFloats ? 1 : Math.Min(threads, rows / 8);
        if (bands <= 1)
        {
            Run(src, rows, cols, lds, dst, ldd);
            return;
        }

        nint ps = (nint)src;
        nint pd = (nint)dst;
        EngineThreads.For(0, bands, bands, band =>
        {
            // Bands of whole 8-row blocks, so each keeps the fast path; the last takes the remainder.
            int r0 = rows / 8 * band / bands * 8;
            int r1 = band == bands - 1 ? rows : rows / 8 * (band + 1) / bands * 8;
            Run((float*)ps + (r0 * lds), r1 - r0, cols, lds, (float*)pd + r0, ldd);
        });
    }

    /// <summary>Matrices below this many floats (1 MB) are transposed on one thread.</summary>
    public const long ParallelMinFloats = 1 << 18;

    /// <summary>dst[t·ldd + r] (=|+=) src[r·lds + t] for an 8x8 block, with unpack/shuffle/permute (needs AVX).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Block8x8(float* src, nint lds, float* dst, nint ldd, bool accumulate = false)
    {
        Vector256<float> r0 = Avx.LoadVector256(src);
        Vector256<float> r1 = Avx.LoadVector256(src + lds);
        Vector256<float> r2 = Avx.LoadVector256(src + (2 * lds));
        Vector256<float> r3 = Avx.LoadVector256(src + (3 * lds));
        Vector256<float> r4 = Avx.LoadVector256(src + (4 * lds));
        Vector256<float> r5 = Avx.LoadVector256(src + (5 * lds));
        Vector256<float> r6 = Avx.LoadVector256(src + (6 * lds));
        Vector256<float> r7 = Avx.LoadVector256(src + (7 * lds));

        Vector256<float> t0 = Avx.UnpackLow(r0, r1);
        Vector256<float> t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3);
        Vector256<float> t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5);
        Vector256<float> t5 = Avx.UnpackHigh(r4, r5);
        Vector256<float> t6 = Avx.UnpackLow(r6, r7);
        Vector256<float> t7 = Avx.UnpackHigh(r6, r7);

        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44);
        Vector256<float> u1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44);
        Vector256<float> u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44);
        Vector256<float> u5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> u6 = Avx.Shuffle(t5, t7, 0x44);
        Vector256<float> u7 = Avx.Shuffle(t5, t7, 0xEE);

        Put(dst, Avx.Permute2x128(u0, u4, 0x20), accumulate);
        Put(dst + ldd, Avx.Permute2x128(u1, u5, 0x20), accumulate);
        Put(dst + (2 * ldd), Avx.Permute2x128(u2, u6, 0x20), accumulate);
        Put(dst + (3 * ldd), Avx.Permute2x128(u3, u7, 0x20), accumulate);
        Put(dst + (4 * ldd), Avx.Permute2x128(u0, u4, 0x31), accumulate);
        Put(dst + (5 * ldd), Avx.Permute2x128(u1, u5, 0x31), accumulate);
        Put(dst + (6 * ldd), Avx.Permute2x128(u2, u6, 0x31), accumulate);
        Put(dst + (7 * ldd), Avx.Permute2x128(u3, u7, 0x31), accumulate);
    }

    /// <summary>dst[t·ldd + r] (=|+=) src[r·lds + t] for a 4x8 block (4 rows in, 8 rows of 4 out; needs AVX).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Block4x8(float* src, nint lds, float* dst, nint ldd, bool accumulate = false)
    {
        Vector256<float> r0 = Avx.LoadVector256(src);
        Vector256<float> r1 = Avx.LoadVector256(src + lds);
        Vector256<float> r2 = Avx.LoadVector256(src + (2 * lds));
        Vector256<float> r3 = Avx.LoadVector256(src + (3 * lds));

        Vector256<float> t0 = Avx.UnpackLow(r0, r1);
        Vector256<float> t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3);
        Vector256<float> t3 = Avx.UnpackHigh(r2, r3);

        // Lower 128 bits: output rows 0-3, upper: rows 4-7.
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44);
        Vector256<float> u1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44);
        Vector256<float> u3 = Avx.Shuffle(t1, t3, 0xEE);

        Put(dst, u0.GetLower(), accumulate);
        Put(dst + ldd, u1.GetLower(), accumulate);
        Put(dst + (2 * ldd), u2.GetLower(), accumulate);
        Put(dst + (3 * ldd), u3.GetLower(), accumulate);
        Put(dst + (4 * ldd), u0.GetUpper(), accumulate);
        Put(dst + (5 * ldd), u1.GetUpper(), accumulate);
        Put(dst + (6 * ldd), u2.GetUpper(), accumulate);
        Put(dst + (7 * ldd), u3.GetUpper(), accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(float* dst, Vector128<float> value, bool accumulate)
    {
        Sse.Store(dst, accumulate ? Sse.Add(Sse.LoadVector128(dst), value) : value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(float* dst, Vector256<float> value, bool accumulate)
    {
        Avx.Store(dst, accumulate ? Avx.Add(Avx.LoadVector256(dst), value) : value);
    }
}
