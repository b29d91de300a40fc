using GanAugment.Tensors;
using static GanAugment.NN.Tests.TestUtil;

namespace GanAugment.NN.Tests;

public class LayerNormTests
{
    [Fact]
    public void Normalises_each_sample_over_the_last_dim()
    {
        // [1, 2, 3, 4]: mean 2.5, biased variance (2.25+0.25+0.25+2.25)/4 = 1.25,
        // (x - 2.5)/√(1.25 + 1e-5) = ∓1.3416354, ∓0.4472118. The second row is the first plus 10.
        var y = new LayerNorm(4).Call(Tensor.FromArray([1f, 2, 3, 4, 11, 12, 13, 14], 2, 4));
        float[] row = [-1.3416354f, -0.4472118f, 0.4472118f, 1.3416354f];
        Close([.. row, .. row], y);
    }

    [Fact]
    public void Weight_bias_and_eps()
    {
        var ln = new LayerNorm(4, eps: 0.75f);
        Set(ln.Weight!, 1, 2, 3, 4);
        Set(ln.Bias!, 0, 0, 0, 1);
        // (x - 2.5)/√(1.25 + 0.75) = [-1.0606602, -0.3535534, 0.3535534, 1.0606602], times weight, plus bias.
        Close([-1.0606602f, -0.7071068f, 1.0606602f, 5.2426407f], ln.Call(Tensor.FromArray([1f, 2, 3, 4], 1, 4)));
    }

    [Fact]
    public void Normalises_over_several_trailing_dims()
    {
        // The 2x2 block [[1, 2], [3, 4]] per sample is normalised as a whole.
        var ln = new LayerNorm([2, 2]);
        Assert.Equal(["weight", "bias"], ln.NamedParameters().Select(p => p.Name).ToArray());
        Close([-1.3416354f, -0.4472118f, 0.4472118f, 1.3416354f], ln.Call(Tensor.FromArray([1f, 2, 3, 4], 1, 2, 2)));
        Assert.Throws<ArgumentException>(() => ln.Call(Tensor.Zeros(2, 4)));
        Assert.Empty(new LayerNorm(3, elementwiseAffine: false).Parameters());
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        var ln = new LayerNorm(5);
        Set(ln.Weight!, 1, 2, -1, 0.5f, 1);
        var x = Leaf(7, 3, 5);
        GradCheck.FirstOrder(() => ln.Call(x), x, ln.Weight!, ln.Bias!);
    }
}
