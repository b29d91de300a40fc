namespace GanAugment.Tensors.Kernels;

/// <summary>
/// 2-D convolution kernels on NCHW float tensors (PyTorch layout; weight [Cout, Cin, kh, kw];
/// dilation 1, one group, no bias — the caller adds it). Each pass is im2col + <see cref="Gemm"/>
/// over runs of whole images (columns [Cin·kh·kw, images·Ho·Wo]), with scratch reused per thread.
/// <list type="bullet">
/// <item><see cref="Forward"/>: y[n,o,i,j] = Σ_{c,u,v} w[o,c,u,v] · x[n,c,i·sh−ph+u, j·sw−pw+v].</item>
/// <item><see cref="InputGrad"/>: gx = ∂⟨y, gy⟩/∂x, which is also conv_transpose2d(gy, w).</item>
/// <item><see cref="WeightGrad"/>: gw = ∂⟨y, gy⟩/∂w.</item>
/// </list>
/// With one input channel (a first layer on grey images, or the last transposed convolution of a
/// generator seen from its adjoint) the passes run image by image instead, on row kernels sized to
/// the short side (see <see cref="ConvOneChannel"/> and <see cref="ConvOneChannelWeightGrad"/>).
/// Outputs are overwritten. Results are bit-identical for any <see cref="EngineThreads.Count"/>.
/// See K. Chellapilla et al., "High Performance Convolutional Neural Networks for Document Processing", 2006.
/// </summary>
public static unsafe class Conv2dKernels
{
    /// <summary>y [N, Cout, Ho, Wo] = conv2d(x [N, Cin, H, W], w [Cout, Cin, kh, kw]).</summary>
    /// <exception cref="ArgumentException">The geometry is invalid, a span length does not match it, or the output overlaps an input.</exception>
    public static void Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> w, Span<float> y, in ConvGeometry g)
    {
        Forward(x, w, y, g, EngineThreads.Count);
    }

    /// <summary>
    /// gx [N, Cin, H, W] = gradient of ⟨conv2d(x, w), gy⟩ with respect to x, for gy [N, Cout, Ho, Wo].
    /// This is PyTorch's conv_transpose2d(gy, w) with w read as [Cin_t = Cout, Cout_t = Cin, kh, kw];
    /// output_padding is expressed by the geometry's InHeight/InWidth.
    /// </summary>
    /// <exception cref="ArgumentException">The geometry is invalid, a span length does not match it, or the output overlaps an input.</exception>
    public static void InputGrad(ReadOnlySpan<float> gy, ReadOnlySpan<float> w, Span<float> gx, in ConvGeometry g)
    {
        InputGrad(gy, w, gx, g, EngineThreads.Count);
    }

    /// <summary>gw [Cout, Cin, kh, kw] = gradient of ⟨conv2d(x, w), gy⟩ with respect to w.</summary>
    /// <exception cref="ArgumentException">The geometry is invalid, a span length does not match it, or the output overlaps an input.</exception>
    public static void WeightGrad(ReadOnlySpan<float> x, ReadOnlySpan<float> gy, Span<float> gw, in ConvGeometry g)
    {
        WeightGrad(x, gy, gw, g, EngineThreads.Count);
    }

    /// <summary>Forward with an explicit thread budget and run tuning (tests and benchmarks).</summary>
    internal static void Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> w, Span<float> y, in ConvGeometry g, int threads, ConvTuning? tuning = null)
    {
        g.Validate();
        CheckLength("Forward", "x", x.Length, g.InputLength, Input(g));
        CheckLength("Forward", "w", w.Length, g.WeightLength, Weight(g));
        CheckLength("Forward", "y", y.Length, g.OutputLength, Output(g));
        CheckDisjoint("Forward", "y", y, x, w);
        fixed (float* px = x)
        fixed (float* pw = w)
        fixed (float* py = y)
        {
            if (ConvOneChannel.Applies(g))
            {
                ConvOneChannel.Forward(px, pw, py, g, threads);
            }
            else
            {
                ConvPasses.Forward(px, pw, py, g, threads, tuning ?? ConvTuning.Default);
            }
        }
    }

    /// <summary>InputGrad with an explicit thread budget and run tuning (tests and benchmarks).</summary>
    internal static void InputGrad(ReadOnlySpan<float> gy, ReadOnlySpan<float> w, Span<float> gx, in ConvGeometry g, int threads, ConvTuning? tuning = null)
    {
        g.Validate();
        CheckLength("InputGrad", "gy", gy.Length, g.OutputLength, Output(g));
        CheckLength("InputGrad", "w", w.Length, g.WeightLength, Weight(g));
        CheckLength("InputGrad", "gx", gx.Length, g.InputLength, Input(g));
        CheckDisjoint("InputGrad", "gx", gx, gy, w);
        fixed (float* pgy = gy)
        fixed (float* pw = w)
        fixed (float* pgx = gx)
        {
            if (ConvOneChannel.Applies(g))
            {
                ConvOneChannel.InputGrad(pgy, pw, pgx, g, threads);
            }
            else
            {
                ConvPasses.InputGrad(pgy, pw, pgx, g, threads, tuning ?? ConvTuning.Default);
            }
        }
    }

    /// <summary>WeightGrad with an explicit thread budget and run tuning (tests and benchmarks).</summary>
    internal static void WeightGrad(ReadOnlySpan<float> x, ReadOnlySpan<float> gy, Span<float> gw, in ConvGeometry g, int threads, ConvTuning? tuning = null)
    {
        g.Validate();
        CheckLength("WeightGrad", "x", x.Length, g.InputLength, Input(g));
        CheckLength("WeightGrad", "gy", gy.Length, g.OutputLength, Output(g));
        CheckLength("WeightGrad", "gw", gw.Length, g.WeightLength, Weight(g));
        CheckDisjoint("WeightGrad", "gw", gw, x, gy);
        fixed (float* px = x)
        fixed (float* pgy = gy)
        fixed (float* pgw = gw)
        {
            if (ConvOneChannel.Applies(g))
            {
                ConvOneChannelWeightGrad.Run(px, pgy, pgw, g, threads);
            }
            else
            {
                ConvPasses.WeightGrad(px, pgy, pgw, g, threads, tuning ?? ConvTuning.Default);
            }
        }
    }

    private static string Input(in ConvGeometry g) => $"[{g.Batch}, {g.InChannels}, {g.InHeight}, {g.InWidth}]";

    private static string Output(in ConvGeometry g) => $"[{g.Batch}, {g.OutChannels}, {g.OutHeight}, {g.OutWidth}]";

    private static string Weight(in ConvGeometry g) => $"[{g.OutChannels}, {g.InChannels}, {g.KernelH}, {g.KernelW}]";

    private static void CheckLength(string pass, string name, int length, long expected, string shape)
    {
        if (length != expected)
        {
            throw new ArgumentException($"Conv2dKernels.{pass}: {name} holds {length} floats but {shape} needs {expected}.", name);
        }
    }

    private static void CheckDisjoint(string pass, string name, ReadOnlySpan<float> output, ReadOnlySpan<float> first, ReadOnlySpan<float> second)
    {
        if ((!output.IsEmpty && !first.IsEmpty && output.Overlaps(first)) || (!output.IsEmpty && !second.IsEmpty && output.Overlaps(second)))
        {
            throw new ArgumentException($"Conv2dKernels.{pass}: {name} must not overlap an input.", name);
        }
    }
}
