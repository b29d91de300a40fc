using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// Short-line helpers for im2col/col2im and NCHW folding, where lines are 7–28 floats long and a
/// library call per line costs more than the copy. AVX-512 path: 16-lane chunks with masked loads
/// and stores for the tail (masked-off lanes never fault, so nothing past the line is touched);
/// stride 2 is de-/re-interleaved with two-source permutes. Other CPUs use plain loops.
/// </summary>
internal static unsafe class StridedLine
{
    /// <summary>dst[t] = src[t·stride] for t &lt; n.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gather(float* src, int stride, float* dst, int n)
    {
        if (Avx512F.IsSupported && stride <= 2)
        {
            if (stride == 1)
            {
                int t = 0;
                for (; t + 16 <= n; t += 16)
                {
                    Vector512.Store(Vector512.Load(src + t), dst + t);
                }

                if (t < n)
                {
                    Vector512<float> mask = Mask(n - t);
                    Avx512F.MaskStore(dst + t, mask, Avx512F.MaskLoad(src + t, mask, Vector512<float>.Zero));
                }
            }
            else
            {
                Vector512<int> evens = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
                int t = 0;
                for (; t + 16 < n; t += 16)
                {
                    // Reads src[2t .. 2t+31]; 2t+31 ≤ 2n−3 because at least one more element follows.
                    Vector512<float> lo = Vector512.Load(src + (2 * t));
                    Vector512<float> hi = Vector512.Load(src + (2 * t) + 16);
                    Vector512.Store(Avx512F.PermuteVar16x32x2(lo, evens, hi), dst + t);
                }

                int rest = n - t;
                int needed = (2 * rest) - 1;
                Vector512<float> loTail = Avx512F.MaskLoad(src + (2 * t), Mask(Math.Min(16, needed)), Vector512<float>.Zero);
                Vector512<float> hiTail = Avx512F.MaskLoad(src + (2 * t) + 16, Mask(Math.Max(0, needed - 16)), Vector512<float>.Zero);
                Avx512F.MaskStore(dst + t, Mask(rest), Avx512F.PermuteVar16x32x2(loTail, evens, hiTail));
            }

            return;
        }

        for (int t = 0; t < n; t++)
        {
            dst[t] = src[t * stride];
        }
    }

    /// <summary>dst[t·stride] += src[t] for t &lt; n.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ScatterAdd(float* src, float* dst, int stride, int n)
    {
        if (Avx512F.IsSupported && stride <= 2)
        {
            if (stride == 1)
            {
                int t = 0;
                for (; t + 16 <= n; t += 16)
                {
                    Vector512.Store(Vector512.Load(dst + t) + Vector512.Load(src + t), dst + t);
                }

                if (t < n)
                {
                    Vector512<float> mask = Mask(n - t);
                    Vector512<float> sum = Avx512F.MaskLoad(dst + t, mask, Vector512<float>.Zero) + Avx512F.MaskLoad(src + t, mask, Vector512<float>.Zero);
                    Avx512F.MaskStore(dst + t, mask, sum);
                }
            }
            else
            {
                // Spread 16 source values onto the even lanes of two 16-lane dst vectors (odd lanes add 0).
                Vector512<int> low = Vector512.Create(0, 16, 1, 16, 2, 16, 3, 16, 4, 16, 5, 16, 6, 16, 7, 16);
                Vector512<int> high = Vector512.Create(8, 16, 9, 16, 10, 16, 11, 16, 12, 16, 13, 16, 14, 16, 15, 16);
                for (int t = 0; t < n; t += 16)
                {
                    int rest = Math.Min(16, n - t);
                    int span = (2 * rest) - 1;
                    Vector512<float> s = Avx512F.MaskLoad(src + t, Mask(rest), Vector512<float>.Zero);
                    float* d = dst + (2 * t);
                    Vector512<float> m0 = Mask(Math.Min(16, span));
                    Vector512<float> m1 = Mask(Math.Max(0, span - 16));
                    Vector512<float> d0 = Avx512F.MaskLoad(d, m0, Vector512<float>.Zero) + Avx512F.PermuteVar16x32x2(s, low, Vector512<float>.Zero);
                    Vector512<float> d1 = Avx512F.MaskLoad(d + 16, m1, Vector512<float>.Zero) + Avx512F.PermuteVar16x32x2(s, high, Vector512<float>.Zero);
                    Avx512F.MaskStore(d, m0, d0);
                    Avx512F.MaskStore(d + 16, m1, d1);
                }
            }

            return;
        }

        for (int t = 0; t < n; t++)
        {
            dst[t * stride] += src[t];
        }
    }

    /// <summary>
    /// For each of <paramref name="rows"/> rows r and t &lt; <paramref name="width"/>:
    /// dst[r·dstPitch + t] = src[r·srcPitch + t·stride] when lo ≤ t &lt; hi, else 0 (the padding of
    /// an im2col line). <paramref name="src"/> addresses t = 0, which may lie before the source row;
    /// only lanes in [lo, hi) are read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void GatherRows(float* src, nint srcPitch, int stride, float* dst, nint dstPitch, int rows, int lo, int hi, int width)
    {
        if (Avx512F.IsSupported && stride <= 2 && width <= 16)
        {
            Vector512<float> store = Mask(width);
            if (stride == 1)
            {
                Vector512<float> load = Range(lo, hi);
                for (int r = 0; r < rows; r++)
                {
                    Avx512F.MaskStore(dst + (r * dstPitch), store, Avx512F.MaskLoad(src + (r * srcPitch), load, Vector512<float>.Zero));
                }
            }
            else
            {
                Vector512<int> evens = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
                Vector512<float> load0 = EvenRange(lo, hi, 0);
                Vector512<float> load1 = EvenRange(lo, hi, 16);
                for (int r = 0; r < rows; r++)
                {
                    float* s = src + (r * srcPitch);
                    Vector512<float> a = Avx512F.MaskLoad(s, load0, Vector512<float>.Zero);
                    Vector512<float> b = Avx512F.MaskLoad(s + 16, load1, Vector512<float>.Zero);
                    Avx512F.MaskStore(dst + (r * dstPitch), store, Avx512F.PermuteVar16x32x2(a, evens, b));
                }
            }

            return;
        }

        for (int r = 0; r < rows; r++)
        {
            float* d = dst + (r * dstPitch);
            for (int t = 0; t < lo; t++)
            {
                d[t] = 0f;
            }

            Gather(src + (r * srcPitch) + (lo * stride), stride, d + lo, hi - lo);
            for (int t = hi; t < width; t++)
            {
                d[t] = 0f;
            }
        }
    }

    /// <summary>
    /// For each of <paramref name="rows"/> rows r and lo ≤ t &lt; hi:
    /// dst[r·dstPitch + t·stride] += src[r·srcPitch + t] (the adjoint of <see cref="GatherRows"/>).
    /// <paramref name="dst"/> addresses t = 0, which may lie before the destination row; only
    /// elements for t in [lo, hi) are read or written.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ScatterAddRows(float* src, nint srcPitch, float* dst, nint dstPitch, int stride, int rows, int lo, int hi)
    {
        if (Avx512F.IsSupported && stride <= 2 && hi <= 16)
        {
            Vector512<float> range = Range(lo, hi);
            if (stride == 1)
            {
                for (int r = 0; r < rows; r++)
                {
                    float* d = dst + (r * dstPitch);
                    Vector512<float> sum = Avx512F.MaskLoad(d, range, Vector512<float>.Zero) + Avx512F.MaskLoad(src + (r * srcPitch), range, Vector512<float>.Zero);
                    Avx512F.MaskStore(d, range, sum);
                }
            }
            else
            {
                Vector512<int> low = Vector512.Create(0, 16, 1, 16, 2, 16, 3, 16, 4, 16, 5, 16, 6, 16, 7, 16);
                Vector512<int> high = Vector512.Create(8, 16, 9, 16, 10, 16, 11, 16, 12, 16, 13, 16, 14, 16, 15, 16);
                Vector512<float> m0 = EvenRange(lo, hi, 0);
                Vector512<float> m1 = EvenRange(lo, hi, 16);
                for (int r = 0; r < rows; r++)
                {
                    float* d = dst + (r * dstPitch);
                    Vector512<float> v = Avx512F.MaskLoad(src + (r * srcPitch), range, Vector512<float>.Zero);
                    Vector512<float> d0 = Avx512F.MaskLoad(d, m0, Vector512<float>.Zero) + Avx512F.PermuteVar16x32x2(v, low, Vector512<float>.Zero);
                    Vector512<float> d1 = Avx512F.MaskLoad(d + 16, m1, Vector512<float>.Zero) + Avx512F.PermuteVar16x32x2(v, high, Vector512<float>.Zero);
                    Avx512F.MaskStore(d, m0, d0);
                    Avx512F.MaskStore(d + 16, m1, d1);
                }
            }

            return;
        }

        for (int r = 0; r < rows; r++)
        {
            ScatterAdd(src + (r * srcPitch) + lo, dst + (r * dstPitch) + (lo * stride), stride, hi - lo);
        }
    }

    /// <summary>dst[t] = 0 for t &lt; n.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Clear(float* dst, int n)
    {
        if (Avx512F.IsSupported && n <= 16)
        {
            Avx512F.MaskStore(dst, Mask(n), Vector512<float>.Zero);
            return;
        }

        new Span<float>(dst, n).Clear();
    }

    /// <summary>All-ones in lanes lo ≤ i &lt; hi.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Range(int lo, int hi)
    {
        Vector512<int> i = Vector512<int>.Indices;
        return (Vector512.GreaterThanOrEqual(i, Vector512.Create(lo)) & Vector512.LessThan(i, Vector512.Create(hi))).AsSingle();
    }

    /// <summary>All-ones in lanes i where j = i + offset is even and lo ≤ j/2 &lt; hi (stride-2 positions of t in [lo, hi)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> EvenRange(int lo, int hi, int offset)
    {
        Vector512<int> j = Vector512<int>.Indices + Vector512.Create(offset);
        Vector512<int> t = Vector512.ShiftRightArithmetic(j, 1);
        Vector512<int> even = Vector512.Equals(j & Vector512<int>.One, Vector512<int>.Zero);
        return (even & Vector512.GreaterThanOrEqual(t, Vector512.Create(lo)) & Vector512.LessThan(t, Vector512.Create(hi))).AsSingle();
    }

    /// <summary>All-ones in the first <paramref name="n"/> lanes (0 ≤ n ≤ 16).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Mask(int n) =>
        Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(n)).AsSingle();
}
