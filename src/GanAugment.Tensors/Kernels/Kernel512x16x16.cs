using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// AVX-512 micro-kernel for narrow C (N ≤ 16): a 16x16 tile in 16 zmm accumulators; each k-step
/// loads 1 vector of packed B, broadcasts 16 scalars of A and issues 16 FMAs. With N = 9 it fills
/// 9 of 16 lanes where the 32-wide tiles fill 9 of 32 (dA = dC·Bᵀ of a 3x3 one-channel layer).
/// Generated shape, as the other kernels.
/// </summary>
internal readonly struct Kernel512x16x16 : IMicroKernel
{
    public static int MR => 16;

    public static int NR => 16;

    public static bool MasksColumns => true;

    public static unsafe void Run(int kc, float* a, nint rowStride, nint kStep, float* b, nint bStep, float* c, nint ldc, bool accumulate) =>
        RunColumns(kc, a, rowStride, kStep, b, bStep, c, ldc, accumulate, 16);

    /// <summary>As <see cref="Run"/>, but stores only the first <paramref name="cols"/> (1 to 16) columns of each row, with masked stores.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void RunColumns(int kc, float* a, nint rowStride, nint kStep, float* b, nint bStep, float* c, nint ldc, bool accumulate, int cols)
    {
        float* a0 = a;
        float* a4 = a + (4 * rowStride);
        float* a8 = a + (8 * rowStride);
        float* a12 = a + (12 * rowStride);
        nint r2 = 2 * rowStride;
        nint r3 = 3 * rowStride;
        Vector512<float> c0 = Vector512<float>.Zero; Vector512<float> c1 = Vector512<float>.Zero; Vector512<float> c2 = Vector512<float>.Zero; Vector512<float> c3 = Vector512<float>.Zero;
        Vector512<float> c4 = Vector512<float>.Zero; Vector512<float> c5 = Vector512<float>.Zero; Vector512<float> c6 = Vector512<float>.Zero; Vector512<float> c7 = Vector512<float>.Zero;
        Vector512<float> c8 = Vector512<float>.Zero; Vector512<float> c9 = Vector512<float>.Zero; Vector512<float> c10 = Vector512<float>.Zero; Vector512<float> c11 = Vector512<float>.Zero;
        Vector512<float> c12 = Vector512<float>.Zero; Vector512<float> c13 = Vector512<float>.Zero; Vector512<float> c14 = Vector512<float>.Zero; Vector512<float> c15 = Vector512<float>.Zero;
        for (int p = 0; p < kc; p++)
        {
            Vector512<float> b0 = Vector512.Load(b);
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(*a0), b0, c0);
            c1 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[rowStride]), b0, c1);
            c2 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[r2]), b0, c2);
            c3 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[r3]), b0, c3);
            c4 = Vector512.FusedMultiplyAdd(Vector512.Create(*a4), b0, c4);
            c5 = Vector512.FusedMultiplyAdd(Vector512.Create(a4[rowStride]), b0, c5);
            c6 = Vector512.FusedMultiplyAdd(Vector512.Create(a4[r2]), b0, c6);
            c7 = Vector512.FusedMultiplyAdd(Vector512.Create(a4[r3]), b0, c7);
            c8 = Vector512.FusedMultiplyAdd(Vector512.Create(*a8), b0, c8);
            c9 = Vector512.FusedMultiplyAdd(Vector512.Create(a8[rowStride]), b0, c9);
            c10 = Vector512.FusedMultiplyAdd(Vector512.Create(a8[r2]), b0, c10);
            c11 = Vector512.FusedMultiplyAdd(Vector512.Create(a8[r3]), b0, c11);
            c12 = Vector512.FusedMultiplyAdd(Vector512.Create(*a12), b0, c12);
            c13 = Vector512.FusedMultiplyAdd(Vector512.Create(a12[rowStride]), b0, c13);
            c14 = Vector512.FusedMultiplyAdd(Vector512.Create(a12[r2]), b0, c14);
            c15 = Vector512.FusedMultiplyAdd(Vector512.Create(a12[r3]), b0, c15);
            a0 += kStep;
            a4 += kStep;
            a8 += kStep;
            a12 += kStep;
            b += bStep;
        }

        Vector512<float> mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(cols)).AsSingle();
        bool whole = cols >= 16;
        Store(c0, c, accumulate, whole, mask);
        Store(c1, c + (1 * ldc), accumulate, whole, mask);
        Store(c2, c + (2 * ldc), accumulate, whole, mask);
        Store(c3, c + (3 * ldc), accumulate, whole, mask);
        Store(c4, c + (4 * ldc), accumulate, whole, mask);
        Store(c5, c + (5 * ldc), accumulate, whole, mask);
        Store(c6, c + (6 * ldc), accumulate, whole, mask);
        Store(c7, c + (7 * ldc), accumulate, whole, mask);
        Store(c8, c + (8 * ldc), accumulate, whole, mask);
        Store(c9, c + (9 * ldc), accumulate, whole, mask);
        Store(c10, c + (10 * ldc), accumulate, whole, mask);
        Store(c11, c + (11 * ldc), accumulate, whole, mask);
        Store(c12, c + (12 * ldc), accumulate, whole, mask);
        Store(c13, c + (13 * ldc), accumulate, whole, mask);
        Store(c14, c + (14 * ldc), accumulate, whole, mask);
        Store(c15, c + (15 * ldc), accumulate, whole, mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store(Vector512<float> v, float* c, bool accumulate, bool whole, Vector512<float> mask)
    {
        if (whole)
        {
            (accumulate ? Vector512.Load(c) + v : v).Store(c);
            return;
        }

        if (accumulate)
        {
            v += Avx512F.MaskLoad(c, mask, Vector512<float>.Zero);
        }

        Avx512F.MaskStore(c, mask, v);
    }
}
