using GanAugment.Tensors.Kernels;

namespace GanAugment.Tensors;

public static partial class Functional
{
    /// <summary>
    /// 2-D convolution (cross-correlation, as PyTorch) of NCHW <paramref name="x"/> with weight
    /// [Cout, Cin, kh, kw], dilation 1, one group. Output size ⌊(H + 2p − k)/s⌋ + 1.
    /// </summary>
    public static Tensor Conv2d(Tensor x, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0) =>
        Conv2d(x, weight, bias, (stride, stride), (padding, padding));

    public static Tensor Conv2d(Tensor x, Tensor weight, Tensor? bias, (int H, int W) stride, (int H, int W) padding)
    {
        var g = Ops.Conv2d.Geometry(x, weight, stride.H, stride.W, padding.H, padding.W);
        var y = Ops.Conv2d.Apply(x, weight, g);
        return bias is null ? y : y + bias.Reshape(1, -1, 1, 1);
    }

    /// <summary>
    /// Transposed convolution of NCHW <paramref name="x"/> with weight [Cin, Cout, kh, kw] (PyTorch
    /// layout): output size (H − 1)·s − 2p + k + outputPadding. It is the input gradient of the
    /// convolution that maps the output back to x's size.
    /// </summary>
    public static Tensor ConvTranspose2d(Tensor x, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0, int outputPadding = 0) =>
        ConvTranspose2d(x, weight, bias, (stride, stride), (padding, padding), (outputPadding, outputPadding));

    public static Tensor ConvTranspose2d(Tensor x, Tensor weight, Tensor? bias, (int H, int W) stride, (int H, int W) padding, (int H, int W) outputPadding)
    {
        if (x.Rank != 4) throw new ArgumentException($"conv_transpose2d input must be NCHW, got {ShapeUtil.Format(x.Shape)}");
        if (weight.Rank != 4 || weight.Size(0) != x.Size(1))
            throw new ArgumentException($"conv_transpose2d weight {ShapeUtil.Format(weight.Shape)} must be [{x.Size(1)}, out, kh, kw] for input {ShapeUtil.Format(x.Shape)}");
        if (outputPadding.H >= stride.H || outputPadding.W >= stride.W)
            throw new ArgumentException($"output padding {outputPadding} must be smaller than stride {stride}");
        int kh = weight.Size(2), kw = weight.Size(3);
        var outH = (x.Size(2) - 1) * stride.H - 2 * padding.H + kh + outputPadding.H;
        var outW = (x.Size(3) - 1) * stride.W - 2 * padding.W + kw + outputPadding.W;
        if (outH <= 0 || outW <= 0) throw new ArgumentException($"conv_transpose2d output size {outH}x{outW} is not positive");
        // The convolution whose input is the transposed output and whose output is x.
        var g = new ConvGeometry(x.Size(0), weight.Size(1), outH, outW, weight.Size(0), kh, kw, stride.H, stride.W, padding.H, padding.W);
        var y = Ops.ConvInputGrad.Apply(x, weight, g);
        return bias is null ? y : y + bias.Reshape(1, -1, 1, 1);
    }
}
