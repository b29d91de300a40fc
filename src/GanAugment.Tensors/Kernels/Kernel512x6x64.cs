using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// AVX-512 micro-kernel: a 6x64 tile of C held in 24 zmm accumulators; each k-step
/// loads 4 vectors of packed B, broadcasts 6 scalars of A and issues 24 FMAs.
/// Generated shape; the accumulators must stay separate locals so RyuJIT keeps them in registers.
/// </summary>
internal readonly struct Kernel512x6x64 : IMicroKernel
{
    public static int MR => 6;

    public static int NR => 64;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Run(int kc, float* a, nint rowStride, nint kStep, float* b, nint bStep, float* c, nint ldc, bool accumulate)
    {
        float* a0 = a;
        float* a3 = a + 3 * rowStride;
        nint r2 = 2 * rowStride;
        Vector512<float> c0_0 = Vector512<float>.Zero; Vector512<float> c0_1 = Vector512<float>.Zero; Vector512<float> c0_2 = Vector512<float>.Zero; Vector512<float> c0_3 = Vector512<float>.Zero;
        Vector512<float> c1_0 = Vector512<float>.Zero; Vector512<float> c1_1 = Vector512<float>.Zero; Vector512<float> c1_2 = Vector512<float>.Zero; Vector512<float> c1_3 = Vector512<float>.Zero;
        Vector512<float> c2_0 = Vector512<float>.Zero; Vector512<float> c2_1 = Vector512<float>.Zero; Vector512<float> c2_2 = Vector512<float>.Zero; Vector512<float> c2_3 = Vector512<float>.Zero;
        Vector512<float> c3_0 = Vector512<float>.Zero; Vector512<float> c3_1 = Vector512<float>.Zero; Vector512<float> c3_2 = Vector512<float>.Zero; Vector512<float> c3_3 = Vector512<float>.Zero;
        Vector512<float> c4_0 = Vector512<float>.Zero; Vector512<float> c4_1 = Vector512<float>.Zero; Vector512<float> c4_2 = Vector512<float>.Zero; Vector512<float> c4_3 = Vector512<float>.Zero;
        Vector512<float> c5_0 = Vector512<float>.Zero; Vector512<float> c5_1 = Vector512<float>.Zero; Vector512<float> c5_2 = Vector512<float>.Zero; Vector512<float> c5_3 = Vector512<float>.Zero;
        for (int p = 0; p < kc; p++)
        {
            Vector512<float> b0 = Vector512.Load(b + 0);
            Vector512<float> b1 = Vector512.Load(b + 16);
            Vector512<float> b2 = Vector512.Load(b + 32);
            Vector512<float> b3 = Vector512.Load(b + 48);
            Vector512<float> s;
            s = Vector512.Create(*a0);
            c0_0 = Vector512.FusedMultiplyAdd(s, b0, c0_0);
            c0_1 = Vector512.FusedMultiplyAdd(s, b1, c0_1);
            c0_2 = Vector512.FusedMultiplyAdd(s, b2, c0_2);
            c0_3 = Vector512.FusedMultiplyAdd(s, b3, c0_3);
            s = Vector512.Create(a0[rowStride]);
            c1_0 = Vector512.FusedMultiplyAdd(s, b0, c1_0);
            c1_1 = Vector512.FusedMultiplyAdd(s, b1, c1_1);
            c1_2 = Vector512.FusedMultiplyAdd(s, b2, c1_2);
            c1_3 = Vector512.FusedMultiplyAdd(s, b3, c1_3);
            s = Vector512.Create(a0[r2]);
            c2_0 = Vector512.FusedMultiplyAdd(s, b0, c2_0);
            c2_1 = Vector512.FusedMultiplyAdd(s, b1, c2_1);
            c2_2 = Vector512.FusedMultiplyAdd(s, b2, c2_2);
            c2_3 = Vector512.FusedMultiplyAdd(s, b3, c2_3);
            s = Vector512.Create(*a3);
            c3_0 = Vector512.FusedMultiplyAdd(s, b0, c3_0);
            c3_1 = Vector512.FusedMultiplyAdd(s, b1, c3_1);
            c3_2 = Vector512.FusedMultiplyAdd(s, b2, c3_2);
            c3_3 = Vector512.FusedMultiplyAdd(s, b3, c3_3);
            s = Vector512.Create(a3[rowStride]);
            c4_0 = Vector512.FusedMultiplyAdd(s, b0, c4_0);
            c4_1 = Vector512.FusedMultiplyAdd(s, b1, c4_1);
            c4_2 = Vector512.FusedMultiplyAdd(s, b2, c4_2);
            c4_3 = Vector512.FusedMultiplyAdd(s, b3, c4_3);
            s = Vector512.Create(a3[r2]);
            c5_0 = Vector512.FusedMultiplyAdd(s, b0, c5_0);
            c5_1 = Vector512.FusedMultiplyAdd(s, b1, c5_1);
            c5_2 = Vector512.FusedMultiplyAdd(s, b2, c5_2);
            c5_3 = Vector512.FusedMultiplyAdd(s, b3, c5_3);
            a0 += kStep;
            a3 += kStep;
            b += bStep;
        }

        if (accumulate)
        {
            float* c0 = c;
            (Vector512.Load(c0 + 0) + c0_0).Store(c0 + 0);
            (Vector512.Load(c0 + 16) + c0_1).Store(c0 + 16);
            (Vector512.Load(c0 + 32) + c0_2).Store(c0 + 32);
            (Vector512.Load(c0 + 48) + c0_3).Store(c0 + 48);
            float* c1 = c + 1 * ldc;
            (Vector512.Load(c1 + 0) + c1_0).Store(c1 + 0);
            (Vector512.Load(c1 + 16) + c1_1).Store(c1 + 16);
            (Vector512.Load(c1 + 32) + c1_2).Store(c1 + 32);
            (Vector512.Load(c1 + 48) + c1_3).Store(c1 + 48);
            float* c2 = c + 2 * ldc;
            (Vector512.Load(c2 + 0) + c2_0).Store(c2 + 0);
            (Vector512.Load(c2 + 16) + c2_1).Store(c2 + 16);
            (Vector512.Load(c2 + 32) + c2_2).Store(c2 + 32);
            (Vector512.Load(c2 + 48) + c2_3).Store(c2 + 48);
            float* c3 = c + 3 * ldc;
            (Vector512.Load(c3 + 0) + c3_0).Store(c3 + 0);
            (Vector512.Load(c3 + 16) + c3_1).Store(c3 + 16);
            (Vector512.Load(c3 + 32) + c3_2).Store(c3 + 32);
            (Vector512.Load(c3 + 48) + c3_3).Store(c3 + 48);
            float* c4 = c + 4 * ldc;
            (Vector512.Load(c4 + 0) + c4_0).Store(c4 + 0);
            (Vector512.Load(c4 + 16) + c4_1).Store(c4 + 16);
            (Vector512.Load(c4 + 32) + c4_2).Store(c4 + 32);
            (Vector512.Load(c4 + 48) + c4_3).Store(c4 + 48);
            float* c5 = c + 5 * ldc;
            (Vector512.Load(c5 + 0) + c5_0).Store(c5 + 0);
            (Vector512.Load(c5 + 16) + c5_1).Store(c5 + 16);
            (Vector512.Load(c5 + 32) + c5_2).Store(c5 + 32);
            (Vector512.Load(c5 + 48) + c5_3).Store(c5 + 48);
        }
        else
        {
            float* c0 = c;
            c0_0.Store(c0 + 0);
            c0_1.Store(c0 + 16);
            c0_2.Store(c0 + 32);
            c0_3.Store(c0 + 48);
            float* c1 = c + 1 * ldc;
            c1_0.Store(c1 + 0);
            c1_1.Store(c1 + 16);
            c1_2.Store(c1 + 32);
            c1_3.Store(c1 + 48);
            float* c2 = c + 2 * ldc;
            c2_0.Store(c2 + 0);
            c2_1.Store(c2 + 16);
            c2_2.Store(c2 + 32);
            c2_3.Store(c2 + 48);
            float* c3 = c + 3 * ldc;
            c3_0.Store(c3 + 0);
            c3_1.Store(c3 + 16);
            c3_2.Store(c3 + 32);
            c3_3.Store(c3 + 48);
            float* c4 = c + 4 * ldc;
            c4_0.Store(c4 + 0);
            c4_1.Store(c4 + 16);
            c4_2.Store(c4 + 32);
            c4_3.Store(c4 + 48);
            float* c5 = c + 5 * ldc;
            c5_0.Store(c5 + 0);
            c5_1.Store(c5 + 16);
            c5_2.Store(c5 + 32);
            c5_3.Store(c5 + 48);
        }
    }
}
