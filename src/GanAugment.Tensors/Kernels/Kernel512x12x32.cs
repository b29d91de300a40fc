using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// AVX-512 micro-kernel: a 12x32 tile of C held in 24 zmm accumulators; each k-step
/// loads 2 vectors of packed B, broadcasts 12 scalars of A and issues 24 FMAs.
/// Generated shape; the accumulators must stay separate locals so RyuJIT keeps them in registers.
/// </summary>
internal readonly struct Kernel512x12x32 : IMicroKernel
{
    public static int MR => 12;

    public static int NR => 32;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Run(int kc, float* a, nint rowStride, nint kStep, float* b, nint bStep, float* c, nint ldc, bool accumulate)
    {
        float* a0 = a;
        float* a3 = a + 3 * rowStride;
        float* a6 = a + 6 * rowStride;
        float* a9 = a + 9 * rowStride;
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
            s = Vector512.Create(a0[rowStride]);
            c1_0 = Vector512.FusedMultiplyAdd(s, b0, c1_0);
            c1_1 = Vector512.FusedMultiplyAdd(s, b1, c1_1);
            s = Vector512.Create(a0[r2]);
            c2_0 = Vector512.FusedMultiplyAdd(s, b0, c2_0);
            c2_1 = Vector512.FusedMultiplyAdd(s, b1, c2_1);
            s = Vector512.Create(*a3);
            c3_0 = Vector512.FusedMultiplyAdd(s, b0, c3_0);
            c3_1 = Vector512.FusedMultiplyAdd(s, b1, c3_1);
            s = Vector512.Create(a3[rowStride]);
            c4_0 = Vector512.FusedMultiplyAdd(s, b0, c4_0);
            c4_1 = Vector512.FusedMultiplyAdd(s, b1, c4_1);
            s = Vector512.Create(a3[r2]);
            c5_0 = Vector512.FusedMultiplyAdd(s, b0, c5_0);
            c5_1 = Vector512.FusedMultiplyAdd(s, b1, c5_1);
            s = Vector512.Create(*a6);
            c6_0 = Vector512.FusedMultiplyAdd(s, b0, c6_0);
            c6_1 = Vector512.FusedMultiplyAdd(s, b1, c6_1);
            s = Vector512.Create(a6[rowStride]);
            c7_0 = Vector512.FusedMultiplyAdd(s, b0, c7_0);
            c7_1 = Vector512.FusedMultiplyAdd(s, b1, c7_1);
            s = Vector512.Create(a6[r2]);
            c8_0 = Vector512.FusedMultiplyAdd(s, b0, c8_0);
            c8_1 = Vector512.FusedMultiplyAdd(s, b1, c8_1);
            s = Vector512.Create(*a9);
            c9_0 = Vector512.FusedMultiplyAdd(s, b0, c9_0);
            c9_1 = Vector512.FusedMultiplyAdd(s, b1, c9_1);
            s = Vector512.Create(a9[rowStride]);
            c10_0 = Vector512.FusedMultiplyAdd(s, b0, c10_0);
            c10_1 = Vector512.FusedMultiplyAdd(s, b1, c10_1);
            s = Vector512.Create(a9[r2]);
            c11_0 = Vector512.FusedMultiplyAdd(s, b0, c11_0);
            c11_1 = Vector512.FusedMultiplyAdd(s, b1, c11_1);
            a0 += kStep;
            a3 += kStep;
            a6 += kStep;
            a9 += kStep;
            b += bStep;
        }

        if (accumulate)
        {
            float* c0 = c;
            (Vector512.Load(c0 + 0) + c0_0).Store(c0 + 0);
            (Vector512.Load(c0 + 16) + c0_1).Store(c0 + 16);
            float* c1 = c + 1 * ldc;
            (Vector512.Load(c1 + 0) + c1_0).Store(c1 + 0);
            (Vector512.Load(c1 + 16) + c1_1).Store(c1 + 16);
            float* c2 = c + 2 * ldc;
            (Vector512.Load(c2 + 0) + c2_0).Store(c2 + 0);
            (Vector512.Load(c2 + 16) + c2_1).Store(c2 + 16);
            float* c3 = c + 3 * ldc;
            (Vector512.Load(c3 + 0) + c3_0).Store(c3 + 0);
            (Vector512.Load(c3 + 16) + c3_1).Store(c3 + 16);
            float* c4 = c + 4 * ldc;
            (Vector512.Load(c4 + 0) + c4_0).Store(c4 + 0);
            (Vector512.Load(c4 + 16) + c4_1).Store(c4 + 16);
            float* c5 = c + 5 * ldc;
            (Vector512.Load(c5 + 0) + c5_0).Store(c5 + 0);
            (Vector512.Load(c5 + 16) + c5_1).Store(c5 + 16);
            float* c6 = c + 6 * ldc;
            (Vector512.Load(c6 + 0) + c6_0).Store(c6 + 0);
            (Vector512.Load(c6 + 16) + c6_1).Store(c6 + 16);
            float* c7 = c + 7 * ldc;
            (Vector512.Load(c7 + 0) + c7_0).Store(c7 + 0);
            (Vector512.Load(c7 + 16) + c7_1).Store(c7 + 16);
            float* c8 = c + 8 * ldc;
            (Vector512.Load(c8 + 0) + c8_0).Store(c8 + 0);
            (Vector512.Load(c8 + 16) + c8_1).Store(c8 + 16);
            float* c9 = c + 9 * ldc;
            (Vector512.Load(c9 + 0) + c9_0).Store(c9 + 0);
            (Vector512.Load(c9 + 16) + c9_1).Store(c9 + 16);
            float* c10 = c + 10 * ldc;
            (Vector512.Load(c10 + 0) + c10_0).Store(c10 + 0);
            (Vector512.Load(c10 + 16) + c10_1).Store(c10 + 16);
            float* c11 = c + 11 * ldc;
            (Vector512.Load(c11 + 0) + c11_0).Store(c11 + 0);
            (Vector512.Load(c11 + 16) + c11_1).Store(c11 + 16);
        }
        else
        {
            float* c0 = c;
            c0_0.Store(c0 + 0);
            c0_1.Store(c0 + 16);
            float* c1 = c + 1 * ldc;
            c1_0.Store(c1 + 0);
            c1_1.Store(c1 + 16);
            float* c2 = c + 2 * ldc;
            c2_0.Store(c2 + 0);
            c2_1.Store(c2 + 16);
            float* c3 = c + 3 * ldc;
            c3_0.Store(c3 + 0);
            c3_1.Store(c3 + 16);
            float* c4 = c + 4 * ldc;
            c4_0.Store(c4 + 0);
            c4_1.Store(c4 + 16);
            float* c5 = c + 5 * ldc;
            c5_0.Store(c5 + 0);
            c5_1.Store(c5 + 16);
            float* c6 = c + 6 * ldc;
            c6_0.Store(c6 + 0);
            c6_1.Store(c6 + 16);
            float* c7 = c + 7 * ldc;
            c7_0.Store(c7 + 0);
            c7_1.Store(c7 + 16);
            float* c8 = c + 8 * ldc;
            c8_0.Store(c8 + 0);
            c8_1.Store(c8 + 16);
            float* c9 = c + 9 * ldc;
            c9_0.Store(c9 + 0);
            c9_1.Store(c9 + 16);
            float* c10 = c + 10 * ldc;
            c10_0.Store(c10 + 0);
            c10_1.Store(c10 + 16);
            float* c11 = c + 11 * ldc;
            c11_0.Store(c11 + 0);
            c11_1.Store(c11 + 16);
        }
    }
}
