using System.Runtime.CompilerServices;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// im2col / col2im for NCHW convolutions over a run of whole images. The column matrix has one
/// row per (c, ki, kj) and one column per output pixel (n, oh, ow) of the run:
/// cols[(c·kh + ki)·kw + kj, (n − n0)·P + oh·Wo + ow] = x[n, c, oh·sh − ph + ki, ow·sw − pw + kj]
/// (zero outside the image), P = Ho·Wo. <c>cols</c> points at the column of image n0 in the first row
/// of the channels (or rows) a call fills or reads, and <c>ld</c> is the row stride, so a worker can
/// take a sub-range of the run's images or channels in place, or a block of rows in its own scratch.
/// </summary>
internal static unsafe class Im2Col
{
    /// <summary>Fills the column rows of input channels [c0, c1) for images [n0, n0 + count); <paramref name="cols"/> points at channel c0's first row.</summary>
    public static void Fill(float* x, in ConvGeometry g, int n0, int count, int c0, int c1, float* cols, nint ld)
    {
        int taps = g.KernelH * g.KernelW;
        FillRows(x, g, n0, count, c0 * taps, c1 * taps, cols, ld);
    }

    /// <summary>Fills column rows [r0, r1) (any rows, also part of a channel's) into <paramref name="block"/>, whose first row is r0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FillRows(float* x, in ConvGeometry g, int n0, int count, int r0, int r1, float* block, nint ld)
    {
        if (r0 >= r1)
        {
            return;
        }

        int taps = g.KernelH * g.KernelW;
        int wo = g.OutWidth;
        int p = g.OutHeight * wo;
        int plane = g.InHeight * g.InWidth;

        // Row r is (c, ki, kj) with r = (c·kh + ki)·kw + kj; the valid output ranges of each kj are
        // computed once, those of ki when it changes (the divisions cost as much as a short row).
        (int Lo, int Hi)* columnRanges = stackalloc (int, int)[g.KernelW];
        for (int k = 0; k < g.KernelW; k++)
        {
            columnRanges[k] = ValidRange(k, g.PadW, g.StrideW, g.InWidth, wo);
        }

        int c = r0 / taps;
        int ki = r0 % taps / g.KernelW;
        int kj = r0 % g.KernelW;
        (int ohLo, int ohHi) = ValidRange(ki, g.PadH, g.StrideH, g.InHeight, g.OutHeight);
        for (float* row = block; row < block + ((nint)(r1 - r0) * ld); row += ld)
        {
            (int owLo, int owHi) = columnRanges[kj];
            for (int i = 0; i < count; i++)
            {
                float* src = x + ((((nint)(n0 + i) * g.InChannels) + c) * plane);
                float* dst = row + ((nint)i * p);
                StridedLine.Clear(dst, ohLo * wo);
                StridedLine.Clear(dst + (ohHi * wo), (g.OutHeight - ohHi) * wo);

                // Address of (oh = ohLo, ow = 0); rows advance by StrideH input rows.
                float* first = src + ((((ohLo * g.StrideH) - g.PadH + ki) * g.InWidth) - g.PadW + kj);
                StridedLine.GatherRows(
                    first, (nint)g.StrideH * g.InWidth, g.StrideW, dst + (ohLo * wo), wo, ohHi - ohLo, owLo, owHi, wo);
            }

            if (++kj == g.KernelW)
            {
                kj = 0;
                if (++ki == g.KernelH)
                {
                    ki = 0;
                    c++;
                }

                (ohLo, ohHi) = ValidRange(ki, g.PadH, g.StrideH, g.InHeight, g.OutHeight);
            }
        }
    }

    /// <summary>
    /// Overwrites x-gradient planes [n, c] for images [n0, n0 + count) and channels [c0, c1) with the
    /// sum of their column entries (the adjoint of <see cref="Fill"/>), summing in (ki, kj, oh, ow)
    /// order; planes are disjoint, so workers on different planes never race. <paramref name="cols"/>
    /// points at the first column row of channel c0 (as <see cref="FillRows"/> fills a block).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Accumulate(float* cols, nint ld, in ConvGeometry g, int n0, int count, int c0, int c1, float* gx)
    {
        if (Col2ImNarrow.Applies(g))
        {
            Col2ImNarrow.Accumulate(cols, ld, g, n0, count, c0, c1, gx);
            return;
        }

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
                    (int ohLo, int ohHi) = ValidRange(ki, g.PadH, g.StrideH, g.InHeight, ho);
                    for (int kj = 0; kj < g.KernelW; kj++)
                    {
                        (int owLo, int owHi) = ValidRange(kj, g.PadW, g.StrideW, g.InWidth, wo);
                        if (owLo >= owHi || ohLo >= ohHi)
                        {
                            continue;
                        }

                        float* src = cols + (((((c - c0) * g.KernelH) + ki) * g.KernelW) + kj) * ld + ((nint)i * ho * wo) + (ohLo * wo);
                        float* first = dst + ((((ohLo * g.StrideH) - g.PadH + ki) * g.InWidth) - g.PadW + kj);
                        StridedLine.ScatterAddRows(src, wo, first, (nint)g.StrideH * g.InWidth, g.StrideW, ohHi - ohLo, owLo, owHi);
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
                int c0 = geometry.InChannels * part / parts;
                int taps = geometry.KernelH * geometry.KernelW;
                Fill((float*)px, geometry, n0, count, c0, geometry.InChannels * (part + 1) / parts, (float*)pcols + ((nint)c0 * taps * ld), ld);
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
                int c0 = geometry.InChannels * part / parts;
                int taps = geometry.KernelH * geometry.KernelW;
                Accumulate((float*)pcols + ((nint)c0 * taps * ld), ld, geometry, n0, count, c0, geometry.InChannels * (part + 1) / parts, (float*)pgx);
            }
        });
    }

    /// <summary>Output positions o with 0 ≤ o·s − pad + k &lt; inSize: [lo, hi), possibly empty.</summary>
    private static (int Lo, int Hi) ValidRange(int k, int pad, int stride, int inSize, int outSize)
    {
        // Integer division truncates toward zero, so the negative cases are clamped explicitly.
        int last = inSize - 1 + pad - k;
        int hi = last < 0 ? 0 : Math.Min(outSize, (last / stride) + 1);
        int lo = Math.Max(0, (pad - k + stride - 1) / stride);
        return (Math.Min(lo, hi), hi);
    }
}
