using GanAugment.Tensors;

namespace GanAugment.Tensors.Tests.Ops;

public class ConvGradTests
{
    private static Tensor In(int seed, params int[] shape) => GradCheck.Input(seed, shape);

    [Fact]
    public void ConvValuesByHand()
    {
        // 1x1x3x3 input 1..9, 2x2 kernel of ones, stride 1, no padding: sums of 2x2 windows.
        var x = Tensor.Arange(1, 10).Reshape(1, 1, 3, 3);
        var w = Tensor.Ones(1, 1, 2, 2);
        Assert.Equal([12f, 16f, 24f, 28f], Functional.Conv2d(x, w).ToArray());
        // padding 1, stride 2: corners of the padded grid
        Assert.Equal([1f, 5f, 11f, 28f], Functional.Conv2d(x, w, null, stride: 2, padding: 1).ToArray());
    }

    [Fact]
    public void ConvTransposeValuesByHand()
    {
        // One input pixel of value 2, 2x2 kernel 1..4, stride 2: the kernel scaled by 2.
        var x = Tensor.Full(2f, 1, 1, 1, 1);
        var w = Tensor.Arange(1, 5).Reshape(1, 1, 2, 2);
        Assert.Equal([2f, 4f, 6f, 8f], Functional.ConvTranspose2d(x, w, null, stride: 2).ToArray());
        // Two pixels side by side, stride 1: the kernels overlap in the middle column.
        var x2 = Tensor.FromArray([1f, 1f], 1, 1, 1, 2);
        Assert.Equal([1f, 3f, 2f, 3f, 7f, 4f], Functional.ConvTranspose2d(x2, w).ToArray());
    }

    [Fact]
    public void ConvTransposeOutputSizeAsPyTorch()
    {
        // AC-GAN generator: 7x7 → 14x14 with k5, s2, p2, output_padding 1.
        var y = Functional.ConvTranspose2d(Tensor.Zeros(2, 3, 7, 7), Tensor.Zeros(3, 4, 5, 5), null, stride: 2, padding: 2, outputPadding: 1);
        Assert.Equal([2, 4, 14, 14], y.ShapeArray);
    }

    [Fact] public void Conv() => GradCheck.FirstOrder(x => Functional.Conv2d(x[0], x[1], x[2], stride: 2, padding: 1), In(1, 2, 2, 5, 5), In(2, 3, 2, 3, 3), In(3, 3));
    [Fact] public void ConvNonSquare() => GradCheck.FirstOrder(x => Functional.Conv2d(x[0], x[1], null, (1, 2), (0, 1)), In(1, 1, 1, 4, 5), In(2, 2, 1, 2, 3));
    [Fact] public void ConvTranspose() => GradCheck.FirstOrder(x => Functional.ConvTranspose2d(x[0], x[1], x[2], stride: 2, padding: 1, outputPadding: 1), In(1, 2, 2, 3, 3), In(2, 2, 3, 3, 3), In(3, 3));

    [Fact] public void ConvSecondOrder() => GradCheck.SecondOrder(x => Functional.Conv2d(x[0], x[1], null, stride: 2, padding: 1).Tanh(), In(1, 1, 2, 4, 4), In(2, 2, 2, 3, 3));
    [Fact] public void ConvTransposeSecondOrder() => GradCheck.SecondOrder(x => Functional.ConvTranspose2d(x[0], x[1], null, stride: 2, padding: 1).Sigmoid(), In(1, 1, 2, 2, 2), In(2, 2, 2, 3, 3));

    [Fact]
    public void CriticGradientPenaltyTrainsWithSecondOrderGradients()
    {
        // d/dw of (‖∂D/∂x‖ - 1)² for D = Σ tanh(conv(x, w)): finite differences through the whole penalty.
        GradCheck.FirstOrder(p =>
        {
            var x = Tensor.FromArray(In(5, 2, 1, 4, 4).ToArray(), 2, 1, 4, 4).RequiresGrad_();
            var d = Functional.Conv2d(x, p[0], null, stride: 2, padding: 1).Tanh().Sum();
            var g = Autograd.Grad([d], [x], createGraph: true)[0]!;
            return ((g.Reshape(2, -1).Square().Sum(1) + 1e-12f).Sqrt() - 1f).Square().Mean();
        }, In(6, 2, 1, 3, 3));
    }
}
