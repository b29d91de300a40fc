using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// WeightGrad of a convolution with one input channel, a few images at a time:
/// gw[o, t] = Σ_n Σ_p gy[n, o, p] · im2col(x[n])[t, p]. The kh·kw column rows of a run of images sit
/// in cache and gy is read in place (no batch folding); a tile of 3 taps x 8 channels keeps 24
/// accumulator vectors along the pixels (each 16-pixel step: 11 loads, 24 FMAs), parked between
/// runs and reduced across lanes at the end of each half. The batch is always summed as two halves
/// (first ⌈N/2⌉ images, then the rest), one per thread on two threads, whose lane sums are then
/// added: the same sums in the same order on one thread or several.
/// </summary>
internal static unsafe class ConvOneChannelWeightGrad
{
    /// <summary>Taps per tile.</summary>
    private const int TileTaps = 3;

    /// <summary>Channels per tile.</summary>
    private const int TileChannels = 8;

    /// <summary>Accumulator vectors per tile.</summary>
    private const int TileVectors = TileTaps * TileChannels;

    /// <summary>
    /// Images per run: a tile's sums are loaded and parked once per run instead of once per image,
    /// and the run's column rows (4 x 25 x 208 floats for a 5x5 kernel on 28x28) stay in L2.
    /// </summary>
    private const int RunImages = 4;

    [ThreadStatic]
    private static AlignedBuffer? t_columns;

    [ThreadStatic]
    private static AlignedBuffer? t_sums;

    [ThreadStatic]
    private static AlignedBuffer? t_partials;

    /// <summary>As <see cref="ConvPasses.WeightGrad"/> for one input channel (overwrites gw).</summary>
    public static void Run(float* x, float* gy, float* gw, in ConvGeometry g, int threads)
    {
        int taps = g.KernelH * g.KernelW;
        int scalars = taps * g.OutChannels;
        float* partials = (t_partials ??= new AlignedBuffer()).Get(2 * scalars);
        int half = (g.Batch + 1) / 2;
        if (threads > 1 && g.Batch > 1)
        {
            nint px = (nint)x;
            nint pgy = (nint)gy;
            nint ppartials = (nint)partials;
            ConvGeometry geometry = g;
            EngineThreads.For(0, 2, 2, h => Half(
                (float*)px, (float*)pgy, geometry, h == 0 ? 0 : half, h == 0 ? half : geometry.Batch, (float*)ppartials + (h * scalars)));
        }
        else
        {
            Half(x, gy, g, 0, half, partials);
            Half(x, gy, g, half, g.Batch, partials + scalars);
        }

        for (int o = 0; o < g.OutChannels; o++)
        {
            for (int t = 0; t < taps; t++)
            {
                nint i = ((nint)t * g.OutChannels) + o;
                gw[((nint)o * taps) + t] = partials[i] + partials[scalars + i];
            }
        }
    }

    private static int TapGroups(int taps) => (taps + TileTaps - 1) / TileTaps;

    private static int ChannelGroups(int channels) => (channels + TileChannels - 1) / TileChannels;

    /// <summary>
    /// The gradient of images [n0, n1) (zero for an empty range) as partial[t·Cout + o]: summed in
    /// the running thread's parked accumulator vectors, then each vector's lanes added there (so only
    /// these few floats cross to the thread that adds the halves).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Half(float* x, float* gy, in ConvGeometry g, int n0, int n1, float* partial)
    {
        int taps = g.KernelH * g.KernelW;
        int channels = g.OutChannels;
        int p = g.OutHeight * g.OutWidth;
        nint ld = ConvLayout.Pitch(p);
        nint imageFloats = taps * ld;
        int tapGroups = TapGroups(taps);
        int channelGroups = ChannelGroups(channels);
        long sumFloats = (long)tapGroups * channelGroups * TileVectors * 16;
        float* sums = (t_sums ??= new AlignedBuffer()).Get(sumFloats);
        new Span<float>(sums, (int)sumFloats).Clear();
        float* columns = (t_columns ??= new AlignedBuffer()).Get(RunImages * imageFloats);
        for (int r = 0; r < RunImages * taps; r++)
        {
            // im2col writes columns [0, P); the tail step reads zeros up to the next 16.
            new Span<float>(columns + (r * ld) + p, (int)(ld - p)).Clear();
        }

        var shape = new StepShape(p);
        for (int n = n0; n < n1; n += RunImages)
        {
            int count = Math.Min(RunImages, n1 - n);
            for (int i = 0; i < count; i++)
            {
                Im2Col.Fill(x, g, n + i, 1, 0, 1, columns + (i * imageFloats), ld);
            }

            float* gyRun = gy + ((nint)n * channels * p);

            // Channel groups outside: their gy rows stay in cache while every tap group passes over them.
            for (int cg = 0; cg < channelGroups; cg++)
            {
                for (int tg = 0; tg < tapGroups; tg++)
                {
                    // Rows past the last tap or channel repeat the last one; their sums are never read.
                    int t0 = tg * TileTaps;
                    var rows = new TileRows(
                        columns + (t0 * ld), columns + (Math.Min(t0 + 1, taps - 1) * ld), columns + (Math.Min(t0 + 2, taps - 1) * ld),
                        imageFloats, gyRun, cg * TileChannels, channels, p, count);
                    Tile(rows, shape, (Vector512<float>*)sums + ((((nint)tg * channelGroups) + cg) * TileVectors));
                }
            }
        }

        LaneSums((Vector512<float>*)sums, taps, channels, partial);
    }

    /// <summary>Adds every image of a run (its full 16-pixel steps and a masked tail) to a tile's parked sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile(in TileRows rows, in StepShape shape, Vector512<float>* acc)
    {
        Vector512<float> s0_0 = acc[0]; Vector512<float> s0_1 = acc[1]; Vector512<float> s0_2 = acc[2]; Vector512<float> s0_3 = acc[3]; Vector512<float> s0_4 = acc[4]; Vector512<float> s0_5 = acc[5]; Vector512<float> s0_6 = acc[6]; Vector512<float> s0_7 = acc[7];
        Vector512<float> s1_0 = acc[8]; Vector512<float> s1_1 = acc[9]; Vector512<float> s1_2 = acc[10]; Vector512<float> s1_3 = acc[11]; Vector512<float> s1_4 = acc[12]; Vector512<float> s1_5 = acc[13]; Vector512<float> s1_6 = acc[14]; Vector512<float> s1_7 = acc[15];
        Vector512<float> s2_0 = acc[16]; Vector512<float> s2_1 = acc[17]; Vector512<float> s2_2 = acc[18]; Vector512<float> s2_3 = acc[19]; Vector512<float> s2_4 = acc[20]; Vector512<float> s2_5 = acc[21]; Vector512<float> s2_6 = acc[22]; Vector512<float> s2_7 = acc[23];
        nint end = shape.End;
        Vector512<float> tailMask = shape.TailMask;
        for (int image = 0; image < rows.Images; image++)
        {
            float* t0 = rows.Tap0 + (image * rows.TapStride);
            float* t1 = rows.Tap1 + (image * rows.TapStride);
            float* t2 = rows.Tap2 + (image * rows.TapStride);
            float* g0 = rows.Channel(image, 0);
            float* g1 = rows.Channel(image, 1);
            float* g2 = rows.Channel(image, 2);
            float* g3 = rows.Channel(image, 3);
            float* g4 = rows.Channel(image, 4);
            float* g5 = rows.Channel(image, 5);
            float* g6 = rows.Channel(image, 6);
            float* g7 = rows.Channel(image, 7);
            for (nint i = 0; i < end; i += 16)
            {
                Vector512<float> x0 = Vector512.Load(t0 + i);
                Vector512<float> x1 = Vector512.Load(t1 + i);
                Vector512<float> x2 = Vector512.Load(t2 + i);
                Vector512<float> y;
                y = Vector512.Load(g0 + i);
                s0_0 = Vector512.FusedMultiplyAdd(x0, y, s0_0);
                s1_0 = Vector512.FusedMultiplyAdd(x1, y, s1_0);
                s2_0 = Vector512.FusedMultiplyAdd(x2, y, s2_0);
                y = Vector512.Load(g1 + i);
                s0_1 = Vector512.FusedMultiplyAdd(x0, y, s0_1);
                s1_1 = Vector512.FusedMultiplyAdd(x1, y, s1_1);
                s2_1 = Vector512.FusedMultiplyAdd(x2, y, s2_1);
                y = Vector512.Load(g2 + i);
                s0_2 = Vector512.FusedMultiplyAdd(x0, y, s0_2);
                s1_2 = Vector512.FusedMultiplyAdd(x1, y, s1_2);
                s2_2 = Vector512.FusedMultiplyAdd(x2, y, s2_2);
                y = Vector512.Load(g3 + i);
                s0_3 = Vector512.FusedMultiplyAdd(x0, y, s0_3);
                s1_3 = Vector512.FusedMultiplyAdd(x1, y, s1_3);
                s2_3 = Vector512.FusedMultiplyAdd(x2, y, s2_3);
                y = Vector512.Load(g4 + i);
                s0_4 = Vector512.FusedMultiplyAdd(x0, y, s0_4);
                s1_4 = Vector512.FusedMultiplyAdd(x1, y, s1_4);
                s2_4 = Vector512.FusedMultiplyAdd(x2, y, s2_4);
                y = Vector512.Load(g5 + i);
                s0_5 = Vector512.FusedMultiplyAdd(x0, y, s0_5);
                s1_5 = Vector512.FusedMultiplyAdd(x1, y, s1_5);
                s2_5 = Vector512.FusedMultiplyAdd(x2, y, s2_5);
                y = Vector512.Load(g6 + i);
                s0_6 = Vector512.FusedMultiplyAdd(x0, y, s0_6);
                s1_6 = Vector512.FusedMultiplyAdd(x1, y, s1_6);
                s2_6 = Vector512.FusedMultiplyAdd(x2, y, s2_6);
                y = Vector512.Load(g7 + i);
                s0_7 = Vector512.FusedMultiplyAdd(x0, y, s0_7);
                s1_7 = Vector512.FusedMultiplyAdd(x1, y, s1_7);
                s2_7 = Vector512.FusedMultiplyAdd(x2, y, s2_7);
            }

            if (shape.HasTail)
            {
                // The column rows are zero past P; gy is masked, as its next floats belong to another row.
                Vector512<float> x0 = Vector512.Load(t0 + end);
                Vector512<float> x1 = Vector512.Load(t1 + end);
                Vector512<float> x2 = Vector512.Load(t2 + end);
                Vector512<float> y;
                y = Avx512F.MaskLoad(g0 + end, tailMask, Vector512<float>.Zero);
                s0_0 = Vector512.FusedMultiplyAdd(x0, y, s0_0);
                s1_0 = Vector512.FusedMultiplyAdd(x1, y, s1_0);
                s2_0 = Vector512.FusedMultiplyAdd(x2, y, s2_0);
                y = Avx512F.MaskLoad(g1 + end, tailMask, Vector512<float>.Zero);
                s0_1 = Vector512.FusedMultiplyAdd(x0, y, s0_1);
                s1_1 = Vector512.FusedMultiplyAdd(x1, y, s1_1);
                s2_1 = Vector512.FusedMultiplyAdd(x2, y, s2_1);
                y = Avx512F.MaskLoad(g2 + end, tailMask, Vector512<float>.Zero);
                s0_2 = Vector512.FusedMultiplyAdd(x0, y, s0_2);
                s1_2 = Vector512.FusedMultiplyAdd(x1, y, s1_2);
                s2_2 = Vector512.FusedMultiplyAdd(x2, y, s2_2);
                y = Avx512F.MaskLoad(g3 + end, tailMask, Vector512<float>.Zero);
                s0_3 = Vector512.FusedMultiplyAdd(x0, y, s0_3);
                s1_3 = Vector512.FusedMultiplyAdd(x1, y, s1_3);
                s2_3 = Vector512.FusedMultiplyAdd(x2, y, s2_3);
                y = Avx512F.MaskLoad(g4 + end, tailMask, Vector512<float>.Zero);
                s0_4 = Vector512.FusedMultiplyAdd(x0, y, s0_4);
                s1_4 = Vector512.FusedMultiplyAdd(x1, y, s1_4);
                s2_4 = Vector512.FusedMultiplyAdd(x2, y, s2_4);
                y = Avx512F.MaskLoad(g5 + end, tailMask, Vector512<float>.Zero);
                s0_5 = Vector512.FusedMultiplyAdd(x0, y, s0_5);
                s1_5 = Vector512.FusedMultiplyAdd(x1, y, s1_5);
                s2_5 = Vector512.FusedMultiplyAdd(x2, y, s2_5);
                y = Avx512F.MaskLoad(g6 + end, tailMask, Vector512<float>.Zero);
                s0_6 = Vector512.FusedMultiplyAdd(x0, y, s0_6);
                s1_6 = Vector512.FusedMultiplyAdd(x1, y, s1_6);
                s2_6 = Vector512.FusedMultiplyAdd(x2, y, s2_6);
                y = Avx512F.MaskLoad(g7 + end, tailMask, Vector512<float>.Zero);
                s0_7 = Vector512.FusedMultiplyAdd(x0, y, s0_7);
                s1_7 = Vector512.FusedMultiplyAdd(x1, y, s1_7);
                s2_7 = Vector512.FusedMultiplyAdd(x2, y, s2_7);
            }
        }

        acc[0] = s0_0; acc[1] = s0_1; acc[2] = s0_2; acc[3] = s0_3; acc[4] = s0_4; acc[5] = s0_5; acc[6] = s0_6; acc[7] = s0_7;
        acc[8] = s1_0; acc[9] = s1_1; acc[10] = s1_2; acc[11] = s1_3; acc[12] = s1_4; acc[13] = s1_5; acc[14] = s1_6; acc[15] = s1_7;
        acc[16] = s2_0; acc[17] = s2_1; acc[18] = s2_2; acc[19] = s2_3; acc[20] = s2_4; acc[21] = s2_5; acc[22] = s2_6; acc[23] = s2_7;
    }

    /// <summary>partial[t·Cout + o] = the lane sum of the parked vector of tap t and channel o.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LaneSums(Vector512<float>* sums, int taps, int channels, float* partial)
    {
        int channelGroups = ChannelGroups(channels);
        for (int t = 0; t < taps; t++)
        {
            for (int o = 0; o < channels; o++)
            {
                nint tile = (((nint)(t / TileTaps) * channelGroups) + (o / TileChannels)) * TileVectors;
                partial[((nint)t * channels) + o] = Vector512.Sum(sums[tile + ((t % TileTaps) * TileChannels) + (o % TileChannels)]);
            }
        }
    }

    /// <summary>How one image's P pixels split into full 16-lane steps (ending at <see cref="End"/>) and a masked tail.</summary>
    private readonly struct StepShape(int p)
    {
        public nint End { get; } = p & ~15;

        public bool HasTail { get; } = (p & 15) != 0;

        public Vector512<float> TailMask { get; } = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(p & 15)).AsSingle();
    }

    /// <summary>
    /// The three column rows of a tile in the run's first image (each next image's lie
    /// <see cref="TapStride"/> floats on) and its gy rows; channels past the last repeat it.
    /// </summary>
    private readonly struct TileRows(float* tap0, float* tap1, float* tap2, nint tapStride, float* gy, int channel0, int channels, int p, int images)
    {
        public float* Tap0 { get; } = tap0;

        public float* Tap1 { get; } = tap1;

        public float* Tap2 { get; } = tap2;

        public nint TapStride { get; } = tapStride;

        public int Images { get; } = images;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float* Channel(int image, int i) => gy + ((((nint)image * channels) + Math.Min(channel0 + i, channels - 1)) * p);
    }
}
