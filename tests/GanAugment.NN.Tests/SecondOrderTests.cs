using GanAugment.Tensors;

namespace GanAugment.NN.Tests;

/// <summary>
/// The gradient of the gradient norm ‖∂D/∂x‖² (the WGAN-GP penalty) for small critics made of
/// each layer, checked against finite differences with respect to the input and the parameters.
/// </summary>
public class SecondOrderTests
{
    [Fact]
    public void Linear()
    {
        var layer = new Linear(3, 2, new Rng(1));
        var x = TestUtil.Leaf(2, 4, 3);
        GradCheck.SecondOrder(() => layer.Call(x), x, x, layer.Weight, layer.Bias!);
    }

    [Fact]
    public void Conv2d()
    {
        var layer = new Conv2d(2, 2, 3, new Rng(3), stride: 2, padding: 1);
        var x = TestUtil.Leaf(4, 1, 2, 4, 4);
        GradCheck.SecondOrder(() => layer.Call(x).Tanh(), x, x, layer.Weight, layer.Bias!);
    }

    [Fact]
    public void ConvTranspose2d()
    {
        var layer = new ConvTranspose2d(2, 1, 3, new Rng(5), stride: 2, padding: 1, outputPadding: 1);
        var x = TestUtil.Leaf(6, 1, 2, 2, 3);
        GradCheck.SecondOrder(() => layer.Call(x).Tanh(), x, x, layer.Weight, layer.Bias!);
    }

    [Fact]
    public void LayerNorm()
    {
        var layer = new LayerNorm(4);
        TestUtil.Set(layer.Weight!, 1.5f, -0.5f, 1, 2);
        var x = TestUtil.Leaf(7, 3, 4);
        GradCheck.SecondOrder(() => layer.Call(x), x, x, layer.Weight!);
    }

    [Theory]
    [InlineData("relu")]
    [InlineData("leaky_relu")]
    [InlineData("tanh")]
    [InlineData("sigmoid")]
    public void Activations_between_two_linear_layers(string activation)
    {
        var rng = new Rng(1);
        Module<Tensor, Tensor> act = activation switch
        {
            "relu" => new ReLU(),
            "leaky_relu" => new LeakyReLU(negativeSlope: 0.2f),
            "tanh" => new Tanh(),
            _ => new Sigmoid(),
        };
        var critic = new Sequential(new Linear(3, 4, rng), act, new Linear(4, 1, rng));
        var x = TestUtil.Leaf(101, 2, 3);
        // Finite differences are meaningless across a kink: the seeds keep every pre-activation
        // at least 0.15 from 0, while a step of 0.01 moves one by at most 0.01·max|x| < 0.04.
        Assert.True(((Linear)critic[0]).Call(x).ToArray().Min(MathF.Abs) > 0.15f);
        Assert.True(x.ToArray().Max(MathF.Abs) < 4f);
        var p = critic.Parameters().ToArray();
        GradCheck.SecondOrder(() => critic.Call(x), x, [x, .. p]);
    }

    [Fact]
    public void Dropout_with_a_fixed_mask()
    {
        var first = new Linear(3, 6, new Rng(10));
        var last = new Linear(6, 1, new Rng(11));
        var x = TestUtil.Leaf(12, 2, 3);
        // A fresh generator per call keeps the mask fixed while the finite differences run.
        Tensor Critic() => last.Call(Functional.Dropout(first.Call(x).Tanh(), 0.5f, training: true, new Rng(13)));
        GradCheck.SecondOrder(Critic, x, x, first.Weight, last.Weight);
    }
}
