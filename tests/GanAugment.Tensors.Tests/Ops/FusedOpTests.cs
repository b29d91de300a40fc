using GanAugment.Tensors;

namespace GanAugment.Tensors.Tests.Ops;

/// <summary>Fused kernels give the bits of the composed forms they replace, on arrays long enough to be split over threads.</summary>
public class FusedOpTests
{
    // 70 003 values: vectors, a scalar tail and two chunks; with exact zeros, -0 and a NaN.
    private static Tensor Values(int seed)
    {
        var t = Tensor.Randn(new Rng(seed), [70_003]);
        var s = t.AsSpan();
        s[0] = 0f;
        s[1] = -0f;
        s[2] = float.NaN;
        s[^1] = -0f;
        return t;
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.2f)]
    public void LeakyReluIsMaxOfXAndSlopeX(float slope)
    {
        var x = Values(1);
        Tensor expected;
        using (Autograd.NoGrad()) expected = Tensor.Maximum(x, x * slope);
        Assert.Equal(Bits(expected), Bits(x.LeakyRelu(slope)));
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.2f)]
    public void LeakyReluGradientIsGyTimesTheMask(float slope)
    {
        var x = Values(1).RequiresGrad_();
        var gy = Values(2);
        var gx = Autograd.Grad([x.LeakyRelu(slope)], [x], [gy])[0]!;
        var mask = x.Detach().ToArray().Select(v => v > 0 ? 1f : slope).ToArray();
        var expected = gy.ToArray().Zip(mask, (g, m) => g * m).ToArray();
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), Bits(gx));
    }

    private static int[] Bits(Tensor t) => t.ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();
}
