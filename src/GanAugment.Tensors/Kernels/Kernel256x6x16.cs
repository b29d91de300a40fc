using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// AVX2+FMA fallback micro-kernel (used when Vector512 is not accelerated): a 6x16 tile of C in
/// 12 ymm accumulators, which fits the 16 ymm registers of AVX2 with room for B and the broadcast.
/// </summary>
internal readonly struct Kernel256x6x16 : IMicroKernel
{
    public static int MR => 6;

    public static int NR => 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Run(int kc, float* a, nint rowStride, nint kStep, float* b, nint bStep, float* c, nint ldc, bool accumulate)
    {
        float* a0 = a;
        float* a3 = a + 3 * rowStride;
        nint r2 = 2 * rowStride;
        Vector256<float> c0_0 = Vector256<float>.Zero; Vector256<float> c0_1 = Vector256<float>.Zero;
        Vector256<float> c1_0 = Vector256<float>.Zero; Vector256<float> c1_1 = Vector256<float>.Zero;
        Vector256<float> c2_0 = Vector256<float>.Zero; Vector256<float> c2_1 = Vector256<float>.Zero;
        Vector256<float> c3_0 = Vector256<float>.Zero; Vector256<float> c3_1 = Vector256<float>.Zero;
        Vector256<float> c4_0 = Vector256<float>.Zero; Vector256<float> c4_1 = Vector256<float>.Zero;
        Vector256<float> c5_0 = Vector256<float>.Zero; Vector256<float> c5_1 = Vector256<float>.Zero;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Vector256.Load(b + 0);
            Vector256<float> b1 = Vector256.Load(b + 8);
            Vector256<float> s;
            s = Vector256.Create(*a0);
            c0_0 = Fma.MultiplyAdd(s, b0, c0_0);
            c0_1 = Fma.MultiplyAdd(s, b1, c0_1);
            s = Vector256.Create(a0[rowStride]);
            c1_0 = Fma.MultiplyAdd(s, b0, c1_0);
            c1_1 = Fma.MultiplyAdd(s, b1, c1_1);
            s = Vector256.Create(a0[r2]);
            c2_0 = Fma.MultiplyAdd(s, b0, c2_0);
            c2_1 = Fma.MultiplyAdd(s, b1, c2_1);
            s = Vector256.Create(*a3);
            c3_0 = Fma.MultiplyAdd(s, b0, c3_0);
            c3_1 = Fma.MultiplyAdd(s, b1, c3_1);
            s = Vector256.Create(a3[rowStride]);
            c4_0 = Fma.MultiplyAdd(s, b0, c4_0);
            c4_1 = Fma.MultiplyAdd(s, b1, c4_1);
            s = Vector256.Create(a3[r2]);
            c5_0 = Fma.MultiplyAdd(s, b0, c5_0);
            c5_1 = Fma.MultiplyAdd(s, b1, c5_1);
            a0 += kStep;
            a3 += kStep;
            b += bStep;
        }

        if (accumulate)
        {
            float* c0 = c;
            (Vector256.Load(c0 + 0) + c0_0).Store(c0 + 0);
            (Vector256.Load(c0 + 8) + c0_1).Store(c0 + 8);
            float* c1 = c + 1 * ldc;
            (Vector256.Load(c1 + 0) + c1_0).Store(c1 + 0);
            (Vector256.Load(c1 + 8) + c1_1).Store(c1 + 8);
            float* c2 = c + 2 * ldc;
            (Vector256.Load(c2 + 0) + c2_0).Store(c2 + 0);
            (Vector256.Load(c2 + 8) + c2_1).Store(c2 + 8);
            float* c3 = c + 3 * ldc;
            (Vector256.Load(c3 + 0) + c3_0).Store(c3 + 0);
            (Vector256.Load(c3 + 8) + c3_1).Store(c3 + 8);
            float* c4 = c + 4 * ldc;
            (Vector256.Load(c4 + 0) + c4_0).Store(c4 + 0);
            (Vector256.Load(c4 + 8) + c4_1).Store(c4 + 8);
            float* c5 = c + 5 * ldc;
            (Vector256.Load(c5 + 0) + c5_0).Store(c5 + 0);
            (Vector256.Load(c5 + 8) + c5_1).Store(c5 + 8);
        }
        else
        {
            float* c0 = c;
            c0_0.Store(c0 + 0);
            c0_1.Store(c0 + 8);
            float* c1 = c + 1 * ldc;
            c1_0.Store(c1 + 0);
            c1_1.Store(c1 + 8);
            float* c2 = c + 2 * ldc;
            c2_0.Store(c2 + 0);
            c2_1.Store(c2 + 8);
            float* c3 = c + 3 * ldc;
            c3_0.Store(c3 + 0);
            c3_1.Store(c3 + 8);
            float* c4 = c + 4 * ldc;
            c4_0.Store(c4 + 0);
            c4_1.Store(c4 + 8);
            float* c5 = c + 5 * ldc;
            c5_0.Store(c5 + 0);
            c5_1.Store(c5 + 8);
        }
    }
}
