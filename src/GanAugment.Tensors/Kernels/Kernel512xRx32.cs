using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// AVX-512 micro-kernel with a compile-time row count: an R x 32 tile of C (R = <typeparamref name="TR"/>,
/// 1 to 12) in 2·R zmm accumulators; each k-step loads 2 vectors of B, broadcasts R scalars of A and
/// issues 2·R FMAs. Each <see cref="IRowCount"/> struct gets its own machine code with the unused
/// rows folded away, so short operands (M = 9 taps, 25 taps, 8 channels) fill every row of their
/// tiles instead of padding to 12. Generated shape, as the fixed kernels.
/// </summary>
internal readonly struct Kernel512xRx32<TR> : IMicroKernel
    where TR : struct, IRowCount
{
    public static int MR => TR.Rows;

    public static int NR => 32;

    public static bool MasksColumns => true;

    public static unsafe void Run(int kc, float* a, nint rowStride, nint kStep, float* b, nint bStep, float* c, nint ldc, bool accumulate) =>
        RunColumns(kc, a, rowStride, kStep, b, bStep, c, ldc, accumulate, 32);

    /// <summary>
    /// As <see cref="Run"/>, but stores only the first <paramref name="cols"/> (1 to 32) columns of
    /// each row, with masked stores, so an edge tile needs no scratch round trip. B is still read
    /// 32 columns wide.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void RunColumns(int kc, float* a, nint rowStride, nint kStep, float* b, nint bStep, float* c, nint ldc, bool accumulate, int cols)
    {
        int rows = TR.Rows;
        float* a0 = a;
        float* a3 = rows > 3 ? a + (3 * rowStride) : a;
        float* a6 = rows > 6 ? a + (6 * rowStride) : a;
        float* a9 = rows > 9 ? a + (9 * rowStride) : a;
        nint r2 = 2 * rowStride;
        Vector512<float> c0_0 = Vector512<float>.Zero; Vector512<float> c0_1 = Vector512<float>.Zero;
        Vector512<float> c1_0 = Vector512<float>.Zero; Vector512<float> c1_1 = Vector512<float>.Zero;
        Vector512<float> c2_0 = Vector512<float>.Zero; Vector512<float> c2_1 = Vector512<float>.Zero;
        Vector512<float> c3_0 = Vector512<float>.Zero; Vector512<float> c3_1 = Vector512<float>.Zero;
        Vector512<float> c4_0 = Vector512<float>.Zero; Vector512<float> c4_1 = Vector512<float>.Zero;
        Vector512<float> c5_0 = Vector512<float>.Zero; Vector512<float> c5_1 = Vector512<float>.Zero;
        Vector512<float> c6_0 = Vector512<float>.Zero; Vector512<float> c6_1 = Vector512<float>.Zero;
        Vector512<float> c7_0 = Vector512<float>.Zero; Vector512<float> c7_1 = Vector512<float>.Zero;
        Vector512<float> c8_0 = Vector512<float>.Zero; Vector512<float> c8_1 = Vector512<float>.Zero;
        Vector512<float> c9_0 = Vector512<float>.Zero; Vector512<float> c9_1 = Vector512<float>.Zero;
        Vector512<float> c10_0 = Vector512<float>.Zero; Vector512<float> c10_1 = Vector512<float>.Zero;
        Vector512<float> c11_0 = Vector512<float>.Zero; Vector512<float> c11_1 = Vector512<float>.Zero;
        for (int p = 0; p < kc; p++)
        {
            Vector512<float> b0 = Vector512.Load(b + 0);
            Vector512<float> b1 = Vector512.Load(b + 16);
            Vector512<float> s;
            s = Vector512.Create(*a0);
            c0_0 = Vector512.FusedMultiplyAdd(s, b0, c0_0);
            c0_1 = Vector512.FusedMultiplyAdd(s, b1, c0_1);

            if (rows > 1)
            {
                s = Vector512.Create(a0[rowStride]);
                c1_0 = Vector512.FusedMultiplyAdd(s, b0, c1_0);
                c1_1 = Vector512.FusedMultiplyAdd(s, b1, c1_1);
            }

            if (rows > 2)
            {
                s = Vector512.Create(a0[r2]);
                c2_0 = Vector512.FusedMultiplyAdd(s, b0, c2_0);
                c2_1 = Vector512.FusedMultiplyAdd(s, b1, c2_1);
            }

            if (rows > 3)
            {
                s = Vector512.Create(*a3);
                c3_0 = Vector512.FusedMultiplyAdd(s, b0, c3_0);
                c3_1 = Vector512.FusedMultiplyAdd(s, b1, c3_1);
            }

            if (rows > 4)
            {
                s = Vector512.Create(a3[rowStride]);
                c4_0 = Vector512.FusedMultiplyAdd(s, b0, c4_0);
                c4_1 = Vector512.FusedMultiplyAdd(s, b1, c4_1);
            }

            if (rows > 5)
            {
                s = Vector512.Create(a3[r2]);
                c5_0 = Vector512.FusedMultiplyAdd(s, b0, c5_0);
                c5_1 = Vector512.FusedMultiplyAdd(s, b1, c5_1);
            }

            if (rows > 6)
            {
                s = Vector512.Create(*a6);
                c6_0 = Vector512.FusedMultiplyAdd(s, b0, c6_0);
                c6_1 = Vector512.FusedMultiplyAdd(s, b1, c6_1);
            }

            if (rows > 7)
            {
                s = Vector512.Create(a6[rowStride]);
                c7_0 = Vector512.FusedMultiplyAdd(s, b0, c7_0);
                c7_1 = Vector512.FusedMultiplyAdd(s, b1, c7_1);
            }

            if (rows > 8)
            {
                s = Vector512.Create(a6[r2]);
                c8_0 = Vector512.FusedMultiplyAdd(s, b0, c8_0);
                c8_1 = Vector512.FusedMultiplyAdd(s, b1, c8_1);
            }

            if (rows > 9)
            {
                s = Vector512.Create(*a9);
                c9_0 = Vector512.FusedMultiplyAdd(s, b0, c9_0);
                c9_1 = Vector512.FusedMultiplyAdd(s, b1, c9_1);
            }

            if (rows > 10)
            {
                s = Vector512.Create(a9[rowStride]);
                c10_0 = Vector512.FusedMultiplyAdd(s, b0, c10_0);
                c10_1 = Vector512.FusedMultiplyAdd(s, b1, c10_1);
            }

            if (rows > 11)
            {
                s = Vector512.Create(a9[r2]);
                c11_0 = Vector512.FusedMultiplyAdd(s, b0, c11_0);
                c11_1 = Vector512.FusedMultiplyAdd(s, b1, c11_1);
            }

            a0 += kStep;
            a3 += kStep;
            a6 += kStep;
            a9 += kStep;
            b += bStep;
        }

        // All-ones lanes for the columns to store (both all-ones for a whole tile).
        Vector512<int> lanes = Vector512<int>.Indices;
        Vector512<float> m0 = Vector512.LessThan(lanes, Vector512.Create(cols)).AsSingle();
        Vector512<float> m1 = Vector512.LessThan(lanes, Vector512.Create(cols - 16)).AsSingle();
        bool whole = cols >= 32;
        Store(c0_0, c0_1, c, accumulate, whole, m0, m1);
        if (rows > 1)
        {
            Store(c1_0, c1_1, c + (1 * ldc), accumulate, whole, m0, m1);
        }

        if (rows > 2)
        {
            Store(c2_0, c2_1, c + (2 * ldc), accumulate, whole, m0, m1);
        }

        if (rows > 3)
        {
            Store(c3_0, c3_1, c + (3 * ldc), accumulate, whole, m0, m1);
        }

        if (rows > 4)
        {
            Store(c4_0, c4_1, c + (4 * ldc), accumulate, whole, m0, m1);
        }

        if (rows > 5)
        {
            Store(c5_0, c5_1, c + (5 * ldc), accumulate, whole, m0, m1);
        }

        if (rows > 6)
        {
            Store(c6_0, c6_1, c + (6 * ldc), accumulate, whole, m0, m1);
        }

        if (rows > 7)
        {
            Store(c7_0, c7_1, c + (7 * ldc), accumulate, whole, m0, m1);
        }

        if (rows > 8)
        {
            Store(c8_0, c8_1, c + (8 * ldc), accumulate, whole, m0, m1);
        }

        if (rows > 9)
        {
            Store(c9_0, c9_1, c + (9 * ldc), accumulate, whole, m0, m1);
        }

        if (rows > 10)
        {
            Store(c10_0, c10_1, c + (10 * ldc), accumulate, whole, m0, m1);
        }

        if (rows > 11)
        {
            Store(c11_0, c11_1, c + (11 * ldc), accumulate, whole, m0, m1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store(Vector512<float> v0, Vector512<float> v1, float* c, bool accumulate, bool whole, Vector512<float> m0, Vector512<float> m1)
    {
        if (whole)
        {
            if (accumulate)
            {
                v0 += Vector512.Load(c);
                v1 += Vector512.Load(c + 16);
            }

            v0.Store(c);
            v1.Store(c + 16);
            return;
        }

        if (accumulate)
        {
            v0 += Avx512F.MaskLoad(c, m0, Vector512<float>.Zero);
            v1 += Avx512F.MaskLoad(c + 16, m1, Vector512<float>.Zero);
        }

        Avx512F.MaskStore(c, m0, v0);
        Avx512F.MaskStore(c + 16, m1, v1);
    }
}
