using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// col2im for images at most 16 pixels wide (the 7x7 and 14x14 GAN feature maps), in gather form:
/// each x-gradient row is one 16-lane register that sums, in (ki, kj) order, the column rows that
/// land on it (a masked load plus a lane permute per tap) and is stored once. The scatter form
/// (<see cref="StridedLine.ScatterAddRows"/>) re-reads and re-writes each row per tap instead,
/// which chains masked stores into masked loads. Same sums in the same order, so the same values.
/// </summary>
internal static unsafe class Col2ImNarrow
{
    /// <summary>Whether this path serves the geometry on this CPU.</summary>
    public static bool Applies(in ConvGeometry g) => Avx512F.IsSupported && g.InWidth <= 16 && g.OutWidth <= 16;

    /// <summary>As <see cref="Im2Col.Accumulate"/>: overwrites planes [n0, n0 + count) x [c0, c1) of gx; <paramref name="cols"/> starts at channel c0's rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Accumulate(float* cols, nint ld, in ConvGeometry g, int n0, int count, int c0, int c1, float* gx)
    {
        int kh = g.KernelH;
        int kw = g.KernelW;
        int ho = g.OutHeight;
        int wo = g.OutWidth;
        int width = g.InWidth;
        int plane = g.InHeight * width;

        // Per kj: lane iw of an x row takes column-row lane (iw + pw − kj) / sw when that is a whole,
        // in-range output column; other lanes are masked to zero.
        Vector512<int>* index = stackalloc Vector512<int>[kw];
        Vector512<float>* keep = stackalloc Vector512<float>[kw];
        int* laneIndex = stackalloc int[16];
        int* laneKeep = stackalloc int[16];
        for (int kj = 0; kj < kw; kj++)
        {
            for (int iw = 0; iw < 16; iw++)
            {
                int t = iw + g.PadW - kj;
                bool valid = iw < width && t >= 0 && t % g.StrideW == 0 && t / g.StrideW < wo;
                laneIndex[iw] = valid ? t / g.StrideW : 0;
                laneKeep[iw] = valid ? -1 : 0;
            }

            index[kj] = Vector512.Load(laneIndex);
            keep[kj] = Vector512.Load(laneKeep).AsSingle();
        }

        Vector512<float> loadMask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(wo)).AsSingle();
        Vector512<float> storeMask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(width)).AsSingle();
        for (int i = 0; i < count; i++)
        {
            for (int c = c0; c < c1; c++)
            {
                float* dst = gx + ((((nint)(n0 + i) * g.InChannels) + c) * plane);
                float* channelRows = cols + ((nint)(c - c0) * kh * kw * ld) + ((nint)i * ho * wo);
                for (int ih = 0; ih < g.InHeight; ih++)
                {
                    Vector512<float> sum = Vector512<float>.Zero;
                    for (int ki = 0; ki < kh; ki++)
                    {
                        int t = ih + g.PadH - ki;
                        if (t < 0 || t % g.StrideH != 0 || t / g.StrideH >= ho)
                        {
                            continue;
                        }

                        float* src = channelRows + ((nint)ki * kw * ld) + ((t / g.StrideH) * wo);
                        for (int kj = 0; kj < kw; kj++)
                        {
                            Vector512<float> row = Avx512F.MaskLoad(src + (kj * ld), loadMask, Vector512<float>.Zero);
                            sum += Avx512F.PermuteVar16x32(row, index[kj]) & keep[kj];
                        }
                    }

                    Avx512F.MaskStore(dst + (ih * width), storeMask, sum);
                }
            }
        }
    }
}
