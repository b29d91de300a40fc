namespace GanAugment.Tensors.Kernels;

/// <summary>
/// Shape of a 2-D convolution over NCHW tensors (PyTorch layout): input [Batch, InChannels,
/// InHeight, InWidth], weight [OutChannels, InChannels, KernelH, KernelW], output [Batch,
/// OutChannels, OutHeight, OutWidth] with OutHeight = floor((InHeight + 2·PadH − KernelH) / StrideH) + 1
/// (likewise the width). Dilation 1, one group. For a transposed convolution describe the
/// equivalent forward convolution: its input is the transposed output (output_padding is expressed
/// by choosing InHeight/InWidth).
/// </summary>
public readonly record struct ConvGeometry(
    int Batch, int InChannels, int InHeight, int InWidth, int OutChannels,
    int KernelH, int KernelW, int StrideH, int StrideW, int PadH, int PadW)
{
    /// <summary>Square-kernel shorthand: same kernel size, stride and padding in both directions.</summary>
    public ConvGeometry(int batch, int inChannels, int inHeight, int inWidth, int outChannels, int kernel, int stride, int pad)
        : this(batch, inChannels, inHeight, inWidth, outChannels, kernel, kernel, stride, stride, pad, pad)
    {
    }

    /// <summary>floor((InHeight + 2·PadH − KernelH) / StrideH) + 1.</summary>
    public int OutHeight => ((InHeight + (2 * PadH) - KernelH) / StrideH) + 1;

    /// <summary>floor((InWidth + 2·PadW − KernelW) / StrideW) + 1.</summary>
    public int OutWidth => ((InWidth + (2 * PadW) - KernelW) / StrideW) + 1;

    /// <summary>Floats in the input: Batch·InChannels·InHeight·InWidth.</summary>
    public long InputLength => (long)Batch * InChannels * InHeight * InWidth;

    /// <summary>Floats in the output: Batch·OutChannels·OutHeight·OutWidth.</summary>
    public long OutputLength => (long)Batch * OutChannels * OutHeight * OutWidth;

    /// <summary>Floats in the weight: OutChannels·InChannels·KernelH·KernelW.</summary>
    public long WeightLength => (long)OutChannels * InChannels * KernelH * KernelW;

    /// <summary>Multiply-adds times two of one pass (forward, input gradient or weight gradient).</summary>
    public double Flops => 2.0 * Batch * OutChannels * OutHeight * OutWidth * InChannels * KernelH * KernelW;

    /// <summary>Throws one clear <see cref="ArgumentException"/> if the geometry is impossible.</summary>
    public void Validate()
    {
        if (Batch < 0)
        {
            throw new ArgumentException($"ConvGeometry: Batch must be non-negative, got {Batch}.");
        }

        RequirePositive(InChannels, nameof(InChannels));
        RequirePositive(InHeight, nameof(InHeight));
        RequirePositive(InWidth, nameof(InWidth));
        RequirePositive(OutChannels, nameof(OutChannels));
        RequirePositive(KernelH, nameof(KernelH));
        RequirePositive(KernelW, nameof(KernelW));
        RequirePositive(StrideH, nameof(StrideH));
        RequirePositive(StrideW, nameof(StrideW));
        if (PadH < 0 || PadW < 0)
        {
            throw new ArgumentException($"ConvGeometry: padding must be non-negative, got PadH={PadH}, PadW={PadW}.");
        }

        if (InHeight + (2L * PadH) < KernelH || InWidth + (2L * PadW) < KernelW)
        {
            throw new ArgumentException(
                $"ConvGeometry: the {KernelH}x{KernelW} kernel is larger than the padded {InHeight}x{InWidth} input (padding {PadH},{PadW}).");
        }

        long columns = (long)InChannels * KernelH * KernelW;
        if (InputLength > int.MaxValue || OutputLength > int.MaxValue || WeightLength > int.MaxValue || columns > int.MaxValue)
        {
            throw new ArgumentException($"ConvGeometry: {this} has a tensor of more than {int.MaxValue} floats.");
        }
    }

    private static void RequirePositive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentException($"ConvGeometry: {name} must be at least 1, got {value}.");
        }
    }
}
