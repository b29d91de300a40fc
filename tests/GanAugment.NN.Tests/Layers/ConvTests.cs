using GanAugment.Tensors;
using static GanAugment.NN.Tests.TestUtil;

namespace GanAugment.NN.Tests;

public class ConvTests
{
    // x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]] as NCHW [1, 1, 3, 3].
    private static Tensor Nine() => Tensor.Arange(1, 10).Reshape(1, 1, 3, 3);

    private static Conv2d Conv(Size2 kernel, Size2? stride = null, Padding padding = default, bool bias = false)
    {
        var conv = new Conv2d(1, 1, kernel, new Rng(1), stride: stride, padding: padding, bias: bias);
        Init.Ones_(conv.Weight);
        return conv;
    }

    [Fact]
    public void Conv2d_is_a_cross_correlation_plus_bias()
    {
        var conv = new Conv2d(1, 1, 2, new Rng(1));
        Set(conv.Weight, 1, 2, 3, 4);
        Set(conv.Bias!, 0.5f);
        // Top-left window [[1, 2], [4, 5]]·[[1, 2], [3, 4]] = 1 + 4 + 12 + 20 = 37; then 47, 67, 77; plus 0.5.
        var y = conv.Call(Nine());
        Assert.Equal([1, 1, 2, 2], y.ShapeArray);
        Close([37.5f, 47.5f, 67.5f, 77.5f], y);
    }

    [Fact]
    public void Conv2d_stride_2_padding_1()
    {
        // Output ⌊(3 + 2 - 3)/2⌋ + 1 = 2; windows centred on the corners sum the 2x2 corner blocks:
        // 1+2+4+5 = 12, 2+3+5+6 = 16, 4+5+7+8 = 24, 5+6+8+9 = 28.
        Close([12f, 16, 24, 28], Conv(3, stride: 2, padding: 1).Call(Nine()));
    }

    [Fact]
    public void Conv2d_same_padding_keeps_the_size_for_odd_and_even_kernels()
    {
        // 3x3 box sums with zero padding.
        Close([12f, 21, 16, 27, 45, 33, 24, 39, 28], Conv(3, padding: "same").Call(Nine()));
        // 2x2: PyTorch puts the extra zero after (bottom, right): y[i, j] = Σ x[i..i+1, j..j+1].
        Close([12f, 16, 9, 24, 28, 15, 15, 17, 9], Conv(2, padding: Padding.Same).Call(Nine()));
        // (1, 3) kernel: rows padded by 0, columns by 1 on each side.
        Close([3f, 6, 5, 9, 15, 11, 15, 24, 17], Conv((1, 3), padding: "same").Call(Nine()));
        Assert.Throws<ArgumentException>(() => new Conv2d(1, 1, 3, new Rng(1), stride: 2, padding: "same"));
        Assert.Throws<ArgumentException>(() => new Conv2d(1, 1, 3, new Rng(1), padding: "full"));
    }

    [Fact]
    public void Conv2d_sums_over_input_channels_per_output_channel()
    {
        var conv = new Conv2d(2, 2, 1, new Rng(2), bias: false);
        // Weight [out=2, in=2, 1, 1]: out0 = 2·x0 - x1, out1 = x1.
        Set(conv.Weight, 2, -1, 0, 1);
        var x = Tensor.FromArray([1f, 2, 10, 20], 1, 2, 1, 2);
        Close([-8f, -16, 10, 20], conv.Call(x));
        Assert.Equal(["weight"], conv.NamedParameters().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void Conv2d_default_init_bound_is_one_over_sqrt_fan_in()
    {
        var conv = new Conv2d(8, 16, 3, new Rng(3));
        var bound = 1 / MathF.Sqrt(8 * 9);
        Assert.All(conv.Weight.ToArray(), v => Assert.InRange(v, -bound, bound));
        Assert.True(conv.Weight.ToArray().Max() > 0.98f * bound);
        Assert.All(conv.Bias!.ToArray(), v => Assert.InRange(v, -bound, bound));
    }

    [Fact]
    public void ConvTranspose2d_scatters_each_pixel_times_the_kernel()
    {
        var deconv = new ConvTranspose2d(1, 1, 2, new Rng(4), stride: 2, bias: false);
        Set(deconv.Weight, 1, 2, 3, 4);
        // Each input pixel v writes v·[[1, 2], [3, 4]] into its own 2x2 block of the 4x4 output.
        var y = deconv.Call(Tensor.FromArray([1f, 2, 3, 4], 1, 1, 2, 2));
        Assert.Equal([1, 1, 4, 4], y.ShapeArray);
        Close([1f, 2, 2, 4, 3, 4, 6, 8, 3, 6, 4, 8, 9, 12, 12, 16], y);
    }

    [Fact]
    public void ConvTranspose2d_overlaps_add_padding_crops_and_output_padding_extends()
    {
        var ones = Tensor.Ones(1, 1, 2, 2);
        var overlap = new ConvTranspose2d(1, 1, 2, new Rng(5), bias: false);
        Init.Ones_(overlap.Weight);
        // Stride 1: output 3x3 counting the overlaps of four 2x2 stamps.
        Close([1f, 2, 1, 2, 4, 2, 1, 2, 1], overlap.Call(ones));

        var cropped = new ConvTranspose2d(1, 1, 2, new Rng(5), padding: 1, bias: true);
        Init.Ones_(cropped.Weight);
        Init.Constant_(cropped.Bias!, 0.5f);
        // Padding 1 removes one row and column on each side: the centre 4, plus bias.
        Close([4.5f], cropped.Call(ones));

        // AC-GAN's generator: 5x5, stride 2, padding 2, output padding 1 doubles 7x7 to 14x14.
        var acgan = new ConvTranspose2d(3, 2, 5, new Rng(6), stride: 2, padding: 2, outputPadding: 1);
        Assert.Equal([2, 2, 14, 14], acgan.Call(Tensor.Zeros(2, 3, 7, 7)).ShapeArray);
        Assert.Equal([3, 2, 5, 5], acgan.Weight.ShapeArray);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConvTranspose2d(1, 1, 3, new Rng(1), stride: 2, outputPadding: 2));
    }

    [Fact]
    public void ConvTranspose2d_default_init_uses_PyTorch_fan_in_of_out_times_kernel()
    {
        // Weight [in=16, out=4, 3, 3]: fan in 4·9 = 36, bound 1/6.
        var deconv = new ConvTranspose2d(16, 4, 3, new Rng(7));
        Assert.All(deconv.Weight.ToArray(), v => Assert.InRange(v, -1 / 6f, 1 / 6f));
        Assert.True(deconv.Weight.ToArray().Max() > 0.98f / 6);
    }

    [Fact]
    public void Bad_input_channels_name_the_layer()
    {
        var error = Assert.Throws<ArgumentException>(() => new Conv2d(3, 4, 3, new Rng(1)).Call(Tensor.Zeros(1, 1, 5, 5)));
        Assert.Contains("Conv2d(3, 4) expects NCHW input with 3 channels, got shape [1, 1, 5, 5]", error.Message);
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        var conv = new Conv2d(2, 3, 3, new Rng(8), stride: 2, padding: 1);
        var x = Leaf(9, 2, 2, 5, 4);
        GradCheck.FirstOrder(() => conv.Call(x), x, conv.Weight, conv.Bias!);

        var same = new Conv2d(1, 2, (2, 3), new Rng(10), padding: "same");
        var z = Leaf(11, 1, 1, 3, 4);
        GradCheck.FirstOrder(() => same.Call(z), z, same.Weight);

        var deconv = new ConvTranspose2d(2, 2, 3, new Rng(12), stride: 2, padding: 1, outputPadding: 1);
        var w = Leaf(13, 1, 2, 3, 2);
        GradCheck.FirstOrder(() => deconv.Call(w), w, deconv.Weight, deconv.Bias!);
    }
}
