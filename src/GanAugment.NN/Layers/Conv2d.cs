using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>
/// 2-D convolution of NCHW input (PyTorch <c>nn.Conv2d</c>, dilation 1, one group) with weight
/// [out, in, kh, kw] and bias [out]: output size ⌊(H + 2p - k)/s⌋ + 1. Initialised as PyTorch:
/// Kaiming uniform with a = √5 (U(±1/√(in·kh·kw))) and bias U(±1/√(in·kh·kw)).
/// </summary>
public sealed class Conv2d : Module<Tensor, Tensor>
{
    public Conv2d(int inChannels, int outChannels, Size2 kernelSize, Rng rng, Size2? stride = null, Padding padding = default, bool bias = true)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var s = stride ?? 1;
        if (inChannels < 1 || outChannels < 1) throw new ArgumentOutOfRangeException(nameof(inChannels), $"Conv2d needs positive channel counts, got {inChannels} -> {outChannels}");
        if (kernelSize.H < 1 || kernelSize.W < 1) throw new ArgumentOutOfRangeException(nameof(kernelSize), $"Conv2d kernel must be positive, got {kernelSize}");
        if (s.H < 1 || s.W < 1) throw new ArgumentOutOfRangeException(nameof(stride), $"Conv2d stride must be positive, got {s}");
        if (padding.IsSame && s != new Size2(1, 1)) throw new ArgumentException($"padding \"same\" needs stride 1, got stride {s} (as PyTorch)");
        KernelSize = kernelSize;
        Stride = s;
        Padding = padding;
        Weight = new Parameter(Tensor.Zeros(outChannels, inChannels, kernelSize.H, kernelSize.W));
        if (bias) Bias = new Parameter(Tensor.Zeros(outChannels));
        Init.DefaultLayer_(Weight, Bias, rng);
    }

    public int InChannels => Weight.Size(1);

    public int OutChannels => Weight.Size(0);

    public Size2 KernelSize { get; }

    public Size2 Stride { get; }

    public Padding Padding { get; }

    /// <summary>[out, in, kh, kw].</summary>
    public Parameter Weight { get; }

    /// <summary>[out], or null without bias.</summary>
    public Parameter? Bias { get; }

    public override Tensor Forward(Tensor input)
    {
        if (input.Rank != 4 || input.Size(1) != InChannels)
            throw new ArgumentException($"Conv2d({InChannels}, {OutChannels}) expects NCHW input with {InChannels} channels, got shape {ShapeUtil.Format(input.Shape)}");
        if (!Padding.IsSame) return Functional.Conv2d(input, Weight, Bias, (Stride.H, Stride.W), (Padding.Size.H, Padding.Size.W));
        // "same": k - 1 zeros per axis, the smaller half before; an even kernel's extra zero goes after.
        int top = (KernelSize.H - 1) / 2, left = (KernelSize.W - 1) / 2;
        var x = PadAfter(input, 2, KernelSize.H - 1 - 2 * top);
        x = PadAfter(x, 3, KernelSize.W - 1 - 2 * left);
        return Functional.Conv2d(x, Weight, Bias, (1, 1), (top, left));
    }

    private static Tensor PadAfter(Tensor x, int axis, int count)
    {
        if (count == 0) return x;
        var shape = x.ShapeArray;
        shape[axis] = count;
        return Tensor.Concat([x, Tensor.Zeros(shape)], axis);
    }
}
