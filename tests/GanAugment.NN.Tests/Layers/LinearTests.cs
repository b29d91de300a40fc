using GanAugment.Tensors;
using static GanAugment.NN.Tests.TestUtil;

namespace GanAugment.NN.Tests;

public class LinearTests
{
    [Fact]
    public void Forward_is_x_times_W_transposed_plus_b()
    {
        var linear = new Linear(2, 3, new Rng(1));
        Set(linear.Weight, 1, 2, 3, 4, 5, 6);
        Set(linear.Bias!, 0.5f, -1, 0);
        // x = [1, -1]: [1-2+0.5, 3-4-1, 5-6+0] = [-0.5, -2, -1]; second row x = [0, 2]: [4.5, 7, 12].
        var y = linear.Call(Tensor.FromArray([1f, -1, 0, 2], 2, 2));
        Assert.Equal([2, 3], y.ShapeArray);
        Close([-0.5f, -2, -1, 4.5f, 7, 12], y);
    }

    [Fact]
    public void Without_bias_and_on_batched_sequences()
    {
        var linear = new Linear(2, 1, new Rng(2), bias: false);
        Assert.Null(linear.Bias);
        Set(linear.Weight, 2, -1);
        var y = linear.Call(Tensor.FromArray([1f, 1, 2, 0, 0, 3], 1, 3, 2));
        Assert.Equal([1, 3, 1], y.ShapeArray);
        Close([1f, 4, -3], y);
        Assert.Single(linear.Parameters());
    }

    [Fact]
    public void Default_init_is_uniform_within_one_over_sqrt_fan_in()
    {
        var linear = new Linear(100, 300, new Rng(3));
        const float bound = 0.1f;    // 1/√100
        var w = linear.Weight.ToArray();
        Assert.All(w, v => Assert.InRange(v, -bound, bound));
        Assert.True(w.Max() > 0.99f * bound && w.Min() < -0.99f * bound);
        // U(±b) has variance b²/3.
        Close(bound * bound / 3, w.Select(v => (double)v * v).Average(), 1e-4);
        Assert.All(linear.Bias!.ToArray(), v => Assert.InRange(v, -bound, bound));
    }

    [Fact]
    public void Same_seed_same_weights()
    {
        Assert.Equal(new Linear(3, 4, new Rng(9)).Weight.ToArray(), new Linear(3, 4, new Rng(9)).Weight.ToArray());
        Assert.NotEqual(new Linear(3, 4, new Rng(9)).Weight.ToArray(), new Linear(3, 4, new Rng(10)).Weight.ToArray());
    }

    [Fact]
    public void Wrong_input_size_names_the_layer()
    {
        var error = Assert.Throws<ArgumentException>(() => new Linear(3, 2, new Rng(1)).Call(Tensor.Zeros(4, 2)));
        Assert.Contains("Linear(3, 2) got input of shape [4, 2]", error.Message);
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        var linear = new Linear(3, 2, new Rng(4));
        var x = Leaf(5, 4, 3);
        GradCheck.FirstOrder(() => linear.Call(x), x, linear.Weight, linear.Bias!);
    }
}
