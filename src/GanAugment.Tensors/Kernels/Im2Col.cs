using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// im2col / col2im for NCHW convolutions over a run of whole images. The column matrix has one
/// row per (c, ki, kj) and one column per output pixel (n, oh, ow) of the run:
/// cols[(c·kh + ki)·kw + kj, (n − n0)·P + oh·Wo + ow] = x[n, c, oh·sh − ph + ki, ow·sw − pw + kj]
/// (zero outside the image), P = Ho·Wo. <c>cols</c> points at the column of image n0 and <c>ld</c> is
/// the row stride, so a worker can fill a sub-range of the run's images in place.
/// </summary>
internal static unsafe class Im2Col
{
    /// <summary>Fills the column rows of input channels [c0, c1) for images [n0, n0 + count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fill(float* x, in ConvGeometry g, int n0, int count, int c0, int c1, float* cols, nint ld)
    {
        int ho = g.OutHeight;
        int wo = g.OutWidth;
        int plane = g.InHeight * g.InWidth;
        for (int c = c0; c < c1; c++)
        {
            for (int ki = 0; ki < g.KernelH; ki++)
            {
                for (int kj = 0; kj < g.KernelW; kj++)
                {
                    (int owLo, int owHi) = ValidRange(kj, g.PadW, g.StrideW, g.InWidth, wo);
                    float* row = cols + ((((c * g.KernelH) + ki) * g.KernelW) + kj) * ld;
                    for (int i = 0; i < count; i++)
                    {
                        float* src = x + ((((nint)(n0 + i) * g.InChannels) + c) * plane);
                        float* dst = row + ((nint)i * ho * wo);
                        for (int oh = 0; oh < ho; oh++)
                        {
                            int ih = (oh * g.StrideH) - g.PadH + ki;
                            float* line = dst + (oh * wo);
                            if ((uint)ih >= (uint)g.InHeight)
                            {
                                new Span<float>(line, wo).Clear();
                                continue;
                            }

                            CopyLine(src + (ih * g.InWidth) + (owLo * g.StrideW) - g.PadW + kj, g.StrideW, line, owLo, owHi, wo);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Overwrites x-gradient planes [n, c] for images [n0, n0 + count) and channels [c0, c1) with the
    /// sum of their column entries (the adjoint of <see cref="Fill"/>), summing in (ki, kj, oh, ow)
    /// order; planes are disjoint, so workers on different planes never race.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Accumulate(float* cols, nint ld, in ConvGeometry g, int n0, int count, int c0, int c1, float* gx)
    {
        int ho = g.OutHeight;
        int wo = g.OutWidth;
        int plane = g.InHeight * g.InWidth;
        for (int i = 0; i < count; i++)
        {
            for (int c = c0; c < c1; c++)
            {
                float* dst = gx + ((((nint)(n0 + i) * g.InChannels) + c) * plane);
                new Span<float>(dst, plane).Clear();
                for (int ki = 0; ki < g.KernelH; ki++)
                {
                    for (int kj = 0; kj < g.KernelW; kj++)
                    {
                        (int owLo, int owHi) = ValidRange(kj, g.PadW, g.StrideW, g.InWidth, wo);
                        if (owLo >= owHi)
                        {
                            continue;
                        }

                        float* src = cols + ((((c * g.KernelH) + ki) * g.KernelW) + kj) * ld + ((nint)i * ho * wo);
                        for (int oh = 0; oh < ho; oh++)
                        {
                            int ih = (oh * g.StrideH) - g.PadH + ki;
                            if ((uint)ih >= (uint)g.InHeight)
                            {
                                continue;
                            }

                            AddLine(src + (oh * wo) + owLo, dst + (ih * g.InWidth) + (owLo * g.StrideW) - g.PadW + kj, g.StrideW, owHi - owLo);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Fills the whole column block of images [n0, n0 + count) on up to <paramref name="threads"/>
    /// threads, split over images (or over channels when there are fewer images than threads).
    /// </summary>
    public static void FillParallel(float* x, in ConvGeometry g, int n0, int count, float* cols, nint ld, int threads)
    {
        ConvGeometry geometry = g;
        nint px = (nint)x;
        nint pcols = (nint)cols;
        int p = g.OutHeight * g.OutWidth;
        bool byImage = count >= threads || g.InChannels < threads;
        int parts = Math.Min(threads, byImage ? count : g.InChannels);
        EngineThreads.For(0, parts, parts, part =>
        {
            if (byImage)
            {
                int a = count * part / parts;
                int b = count * (part + 1) / parts;
                Fill((float*)px, geometry, n0 + a, b - a, 0, geometry.InChannels, (float*)pcols + ((nint)a * p), ld);
            }
            else
            {
                Fill((float*)px, geometry, n0, count, geometry.InChannels * part / parts, geometry.InChannels * (part + 1) / parts, (float*)pcols, ld);
            }
        });
    }

    /// <summary>
    /// <see cref="Accumulate"/> for images [n0, n0 + count) on up to <paramref name="threads"/>
    /// threads, split over images or channels (disjoint planes either way).
    /// </summary>
    public static void AccumulateParallel(float* cols, nint ld, in ConvGeometry g, int n0, int count, float* gx, int threads)
    {
        ConvGeometry geometry = g;
        nint pcols = (nint)cols;
        nint pgx = (nint)gx;
        int p = g.OutHeight * g.OutWidth;
        bool byImage = count >= threads || g.InChannels < threads;
        int parts = Math.Min(threads, byImage ? count : g.InChannels);
        EngineThreads.For(0, parts, parts, part =>
        {
            if (byImage)
            {
                int a = count * part / parts;
                int b = count * (part + 1) / parts;
                Accumulate((float*)pcols + ((nint)a * p), ld, geometry, n0 + a, b - a, 0, geometry.InChannels, (float*)pgx);
            }
            else
            {
                Accumulate((float*)pcols, ld, geometry, n0, count, geometry.InChannels * part / parts, geometry.InChannels * (part + 1) / parts, (float*)pgx);
            }
        });
    }

    /// <summary>Output columns ow with 0 ≤ ow·s − pad + kj &lt; inWidth: [lo, hi), possibly empty.</summary>
    private static (int Lo, int Hi) ValidRange(int kj, int pad, int stride, int inWidth, int outWidth)
    {
        // Integer division truncates toward zero, so the negative cases are clamped explicitly.
        int last = inWidth - 1 + pad - kj;
        int hi = last < 0 ? 0 : Math.Min(outWidth, (last / stride) + 1);
        int lo = Math.Max(0, (pad - kj + stride - 1) / stride);
        return (Math.Min(lo, hi), hi);
    }

    private static void CopyLine(float* src, int stride, float* line, int lo, int hi, int width)
    {
        new Span<float>(line, lo).Clear();
        int n = hi - lo;
        if (stride == 1)
        {
            new ReadOnlySpan<float>(src, n).CopyTo(new Span<float>(line + lo, n));
        }
        else
        {
            for (int t = 0; t < n; t++)
            {
                line[lo + t] = src[t * stride];
            }
        }

        new Span<float>(line + hi, width - hi).Clear();
    }

    private static void AddLine(float* src, float* dst, int stride, int n)
    {
        if (stride == 1)
        {
            var d = new Span<float>(dst, n);
            TensorPrimitives.Add(d, new ReadOnlySpan<float>(src, n), d);
            return;
        }

        for (int t = 0; t < n; t++)
        {
            dst[t * stride] += src[t];
        }
    }
}
