using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// Forward and InputGrad of a convolution with one input channel (a first layer on grey images;
/// their mirrors are the backward-data and forward of a transposed convolution with one output
/// channel), image by image: the kh·kw column rows of one image fit L1, and the product with the
/// weight runs straight on <see cref="Kernel512xRx32{TR}"/> tiles whose height fits the short side
/// (Cout channels, or kh·kw taps), with no GEMM driver, no batch folding and no unfold pass.
/// <list type="bullet">
/// <item>Forward: y[n] [Cout, P] = w [Cout, kh·kw] · im2col(x[n]) [kh·kw, P], written in place.</item>
/// <item>InputGrad: cols [kh·kw, P] = wᵀ · gy[n] [Cout, P] into scratch, then col2im into gx[n].</item>
/// </list>
/// Threads take disjoint runs of images and every image is computed the same way, so the bits do
/// not depend on the thread count.
/// </summary>
internal static unsafe class ConvOneChannel
{
    /// <summary>Columns of one tile.</summary>
    private const int Width = 32;

    [ThreadStatic]
    private static AlignedBuffer? t_columns;

    [ThreadStatic]
    private static AlignedBuffer? t_panel;

    [ThreadStatic]
    private static AlignedBuffer? t_weight;

    /// <summary>Whether this path serves the geometry on this CPU.</summary>
    public static bool Applies(in ConvGeometry g) => Vector512.IsHardwareAccelerated && g.InChannels == 1;

    /// <summary>As <see cref="ConvPasses.Forward"/> for one input channel.</summary>
    public static void Forward(float* x, float* w, float* y, in ConvGeometry g, int threads)
    {
        int taps = g.KernelH * g.KernelW;
        int rows = RowKernels.Rows(g.OutChannels);
        int padded = RowKernels.Padded(g.OutChannels, rows);
        float* a = w;
        if (padded != g.OutChannels)
        {
            // Zero rows complete the last tile, so it never reads past the weight.
            a = (t_weight ??= new AlignedBuffer()).Get((long)padded * taps);
            new Span<float>(w, g.OutChannels * taps).CopyTo(new Span<float>(a, padded * taps));
            new Span<float>(a + ((nint)g.OutChannels * taps), (padded - g.OutChannels) * taps).Clear();
        }

        var job = new Job(Pass.Forward, (nint)x, (nint)a, (nint)y, g, threads);
        RowKernels.Dispatch(rows, ref job);
    }

    /// <summary>As <see cref="ConvPasses.InputGrad"/> for one input channel (overwrites gx).</summary>
    public static void InputGrad(float* gy, float* w, float* gx, in ConvGeometry g, int threads)
    {
        int taps = g.KernelH * g.KernelW;
        int rows = RowKernels.Rows(taps);
        int padded = RowKernels.Padded(taps, rows);

        // wᵀ [taps, Cout] with zero rows up to a whole number of tiles.
        float* at = (t_weight ??= new AlignedBuffer()).Get((long)padded * g.OutChannels);
        MatrixTranspose.Run(w, g.OutChannels, taps, taps, at, g.OutChannels);
        new Span<float>(at + ((nint)taps * g.OutChannels), (padded - taps) * g.OutChannels).Clear();

        var job = new Job(Pass.InputGrad, (nint)gy, (nint)at, (nint)gx, g, threads);
        RowKernels.Dispatch(rows, ref job);
    }

    /// <summary>Runs images [n0, n1) of a pass with tiles of <typeparamref name="TR"/> rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Images<TR>(Pass pass, float* input, float* a, float* output, in ConvGeometry g, int n0, int n1)
        where TR : struct, IRowCount
    {
        int mr = TR.Rows;
        int taps = g.KernelH * g.KernelW;
        int p = g.OutHeight * g.OutWidth;
        int width = RoundUp(p, Width);
        nint ld = ConvLayout.Pitch(width);
        int columnRows = pass == Pass.Forward ? taps : RowKernels.Padded(taps, mr);
        float* columns = (t_columns ??= new AlignedBuffer()).Get(columnRows * ld);
        if (pass == Pass.Forward)
        {
            // im2col writes columns [0, P) of each row; the last tile reads zeros past P.
            for (int t = 0; t < taps; t++)
            {
                new Span<float>(columns + (t * ld) + p, width - p).Clear();
            }

            float* edge = (t_panel ??= new AlignedBuffer()).Get(mr * Width);
            for (int n = n0; n < n1; n++)
            {
                Im2Col.Fill(input, g, n, 1, 0, 1, columns, ld);
                float* y = output + ((nint)n * g.OutChannels * p);
                for (int j = 0; j < p; j += Width)
                {
                    int cols = Math.Min(Width, p - j);
                    for (int i = 0; i < g.OutChannels; i += mr)
                    {
                        float* ai = a + ((nint)i * taps);
                        float* yi = y + ((nint)i * p) + j;
                        if (i + mr <= g.OutChannels)
                        {
                            Kernel512xRx32<TR>.RunColumns(taps, ai, taps, 1, columns + j, ld, yi, p, false, cols);
                        }
                        else
                        {
                            // The zero weight rows of the last tile must not be stored (they would overwrite the next image).
                            Kernel512xRx32<TR>.Run(taps, ai, taps, 1, columns + j, ld, edge, Width, false);
                            GemmDriver.StoreEdge(edge, Width, yi, p, g.OutChannels - i, cols, false);
                        }
                    }
                }
            }

            return;
        }

        float* panel = (t_panel ??= new AlignedBuffer()).Get((long)g.OutChannels * Width);
        int fullCols = p - (p % Width);
        long total = g.OutputLength;
        for (int n = n0; n < n1; n++)
        {
            // NOTE: the ragged last column tile reads gy[n] in place up to 31 floats past a channel's
            // row, into the next channel or image, and those columns of the scratch are never read
            // back. Only where that would run past the end of gy (the last image, or the last few
            // when images are tiny) is the tile packed into a zero-padded panel instead.
            float* gy = input + ((nint)n * g.OutChannels * p);
            long lastRead = ((((long)n * g.OutChannels) + g.OutChannels - 1) * p) + fullCols + Width;
            bool packTail = fullCols < p && lastRead > total;
            if (packTail)
            {
                GemmPacking.PackB(false, gy, p, 0, g.OutChannels, fullCols, p - fullCols, Width, panel);
            }

            for (int j = 0; j < p; j += Width)
            {
                bool packed = packTail && j >= fullCols;
                float* b = packed ? panel : gy + j;
                nint bStep = packed ? Width : p;
                for (int i = 0; i < columnRows; i += mr)
                {
                    Kernel512xRx32<TR>.Run(g.OutChannels, a + ((nint)i * g.OutChannels), g.OutChannels, 1, b, bStep, columns + (i * ld) + j, ld, false);
                }
            }

            Im2Col.Accumulate(columns, ld, g, n, 1, 0, 1, output);
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    private enum Pass
    {
        Forward,
        InputGrad,
    }

    /// <summary>One pass over the batch, split into runs of images across threads.</summary>
    private readonly struct Job(Pass pass, nint input, nint a, nint output, ConvGeometry g, int threads) : IRowsJob
    {
        public void Run<TR>()
            where TR : struct, IRowCount
        {
            int parts = Math.Min(threads, g.Batch);
            if (parts <= 1)
            {
                Images<TR>(pass, (float*)input, (float*)a, (float*)output, g, 0, g.Batch);
                return;
            }

            (Pass which, nint src, nint weight, nint dst, ConvGeometry geometry) = (pass, input, a, output, g);
            EngineThreads.For(0, parts, parts, part => Images<TR>(
                which, (float*)src, (float*)weight, (float*)dst, geometry, geometry.Batch * part / parts, geometry.Batch * (part + 1) / parts));
        }
    }
}
