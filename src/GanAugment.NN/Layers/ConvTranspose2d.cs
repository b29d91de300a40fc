using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>
/// Transposed 2-D convolution of NCHW input (PyTorch <c>nn.ConvTranspose2d</c>), the usual
/// upsampling layer of DCGAN-style generators, with weight [in, out, kh, kw] and bias [out]:
/// output size (H - 1)·s - 2p + k + outputPadding. Initialised as PyTorch, whose fan in for this
/// weight layout is out·kh·kw: Kaiming uniform with a = √5 and bias U(±1/√(out·kh·kw)).
/// </summary>
public sealed class ConvTranspose2d : Module<Tensor, Tensor>
{
    public ConvTranspose2d(int inChannels, int outChannels, Size2 kernelSize, Rng rng, Size2? stride = null, Size2 padding = default, Size2 outputPadding = default, bool bias = true)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var s = stride ?? 1;
        if (inChannels < 1 || outChannels < 1) throw new ArgumentOutOfRangeException(nameof(inChannels), $"ConvTranspose2d needs positive channel counts, got {inChannels} -> {outChannels}");
        if (kernelSize.H < 1 || kernelSize.W < 1) throw new ArgumentOutOfRangeException(nameof(kernelSize), $"ConvTranspose2d kernel must be positive, got {kernelSize}");
        if (s.H < 1 || s.W < 1) throw new ArgumentOutOfRangeException(nameof(stride), $"ConvTranspose2d stride must be positive, got {s}");
        if (padding.H < 0 || padding.W < 0) throw new ArgumentOutOfRangeException(nameof(padding), $"ConvTranspose2d padding must not be negative, got {padding}");
        if (outputPadding.H < 0 || outputPadding.W < 0 || outputPadding.H >= s.H || outputPadding.W >= s.W)
            throw new ArgumentOutOfRangeException(nameof(outputPadding), $"ConvTranspose2d output padding {outputPadding} must be non-negative and smaller than the stride {s}");
        KernelSize = kernelSize;
        Stride = s;
        Padding = padding;
        OutputPadding = outputPadding;
        Weight = new Parameter(Tensor.Zeros(inChannels, outChannels, kernelSize.H, kernelSize.W));
        if (bias) Bias = new Parameter(Tensor.Zeros(outChannels));
        Init.DefaultLayer_(Weight, Bias, rng);
    }

    public int InChannels => Weight.Size(0);

    public int OutChannels => Weight.Size(1);

    public Size2 KernelSize { get; }

    public Size2 Stride { get; }

    public Size2 Padding { get; }

    public Size2 OutputPadding { get; }

    /// <summary>[in, out, kh, kw] (PyTorch's layout for transposed convolutions).</summary>
    public Parameter Weight { get; }

    /// <summary>[out], or null without bias.</summary>
    public Parameter? Bias { get; }

    public override Tensor Forward(Tensor input)
    {
        if (input.Rank != 4 || input.Size(1) != InChannels)
            throw new ArgumentException($"ConvTranspose2d({InChannels}, {OutChannels}) expects NCHW input with {InChannels} channels, got shape {ShapeUtil.Format(input.Shape)}");
        return Functional.ConvTranspose2d(input, Weight, Bias, (Stride.H, Stride.W), (Padding.H, Padding.W), (OutputPadding.H, OutputPadding.W));
    }
}
