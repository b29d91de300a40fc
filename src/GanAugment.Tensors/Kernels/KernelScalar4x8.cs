using System.Runtime.CompilerServices;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// Portable micro-kernel for CPUs without Vector256+FMA: a 4x8 tile summed in scalar locals with
/// ordinary multiply-add. Slow but exact to float rounding; it exists so the engine runs everywhere.
/// </summary>
internal readonly struct KernelScalar4x8 : IMicroKernel
{
    public static int MR => 4;

    public static int NR => 8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Run(int kc, float* a, nint rowStride, nint kStep, float* b, nint bStep, float* c, nint ldc, bool accumulate)
    {
        float* acc = stackalloc float[32];
        new Span<float>(acc, 32).Clear();
        for (int p = 0; p < kc; p++)
        {
            for (int r = 0; r < 4; r++)
            {
                float s = a[r * rowStride];
                float* row = acc + (r * 8);
                for (int j = 0; j < 8; j++)
                {
                    row[j] += s * b[j];
                }
            }

            a += kStep;
            b += bStep;
        }

        for (int r = 0; r < 4; r++)
        {
            float* dst = c + (r * ldc);
            float* src = acc + (r * 8);
            for (int j = 0; j < 8; j++)
            {
                dst[j] = accumulate ? dst[j] + src[j] : src[j];
            }
        }
    }
}
