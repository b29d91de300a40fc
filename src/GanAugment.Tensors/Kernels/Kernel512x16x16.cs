using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Run(int kc, float* a, nint rowStride, nint kStep, float* b, nint bStep, float* c, nint ldc, bool accumulate)
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

        if (accumulate)
        {
            (Vector512.Load(c) + c0).Store(c);
            (Vector512.Load(c + (1 * ldc)) + c1).Store(c + (1 * ldc));
            (Vector512.Load(c + (2 * ldc)) + c2).Store(c + (2 * ldc));
            (Vector512.Load(c + (3 * ldc)) + c3).Store(c + (3 * ldc));
            (Vector512.Load(c + (4 * ldc)) + c4).Store(c + (4 * ldc));
            (Vector512.Load(c + (5 * ldc)) + c5).Store(c + (5 * ldc));
            (Vector512.Load(c + (6 * ldc)) + c6).Store(c + (6 * ldc));
            (Vector512.Load(c + (7 * ldc)) + c7).Store(c + (7 * ldc));
            (Vector512.Load(c + (8 * ldc)) + c8).Store(c + (8 * ldc));
            (Vector512.Load(c + (9 * ldc)) + c9).Store(c + (9 * ldc));
            (Vector512.Load(c + (10 * ldc)) + c10).Store(c + (10 * ldc));
            (Vector512.Load(c + (11 * ldc)) + c11).Store(c + (11 * ldc));
            (Vector512.Load(c + (12 * ldc)) + c12).Store(c + (12 * ldc));
            (Vector512.Load(c + (13 * ldc)) + c13).Store(c + (13 * ldc));
            (Vector512.Load(c + (14 * ldc)) + c14).Store(c + (14 * ldc));
            (Vector512.Load(c + (15 * ldc)) + c15).Store(c + (15 * ldc));
        }
        else
        {
            c0.Store(c);
            c1.Store(c + (1 * ldc));
            c2.Store(c + (2 * ldc));
            c3.Store(c + (3 * ldc));
            c4.Store(c + (4 * ldc));
            c5.Store(c + (5 * ldc));
            c6.Store(c + (6 * ldc));
            c7.Store(c + (7 * ldc));
            c8.Store(c + (8 * ldc));
            c9.Store(c + (9 * ldc));
            c10.Store(c + (10 * ldc));
            c11.Store(c + (11 * ldc));
            c12.Store(c + (12 * ldc));
            c13.Store(c + (13 * ldc));
            c14.Store(c + (14 * ldc));
            c15.Store(c + (15 * ldc));
        }
    }
}
