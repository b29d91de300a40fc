using GanAugment.Tensors;
using static GanAugment.NN.Tests.TestUtil;

namespace GanAugment.NN.Tests;

public class DropoutTests
{
    [Fact]
    public void Training_zeroes_about_p_and_scales_survivors_by_one_over_one_minus_p()
    {
        var dropout = new Dropout(new Rng(1), p: 0.25f);
        var y = dropout.Call(Tensor.Full(3f, 10000)).ToArray();
        // Survivors are 3/(1 - 0.25) = 4.
        Assert.All(y, v => Assert.True(v == 0f || v == 4f, $"unexpected value {v}"));
        var dropped = y.Count(v => v == 0f) / 10000.0;
        Assert.InRange(dropped, 0.23, 0.27);
        Assert.InRange(y.Average(), 2.9, 3.1);       // the expectation is kept
    }

    [Fact]
    public void Eval_is_the_identity()
    {
        var dropout = new Dropout(new Rng(2), p: 0.9f);
        dropout.Eval();
        var x = Tensor.Randn(new Rng(3), [5, 4]);
        Assert.Same(x, dropout.Call(x));
    }

    [Fact]
    public void Zero_and_one_probabilities()
    {
        var x = Tensor.Randn(new Rng(4), [6]);
        Assert.Same(x, new Dropout(new Rng(5), p: 0f).Call(x));
        Assert.All(new Dropout(new Rng(5), p: 1f).Call(x).ToArray(), v => Assert.Equal(0f, v));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(new Rng(5), p: 1.5f));
    }

    [Fact]
    public void Same_seed_same_masks_and_the_mask_changes_between_calls()
    {
        var x = Tensor.Ones(64);
        var a = new Dropout(new Rng(6));
        var b = new Dropout(new Rng(6));
        var first = a.Call(x).ToArray();
        Assert.Equal(first, b.Call(x).ToArray());
        Assert.NotEqual(first, a.Call(x).ToArray());
    }

    [Fact]
    public void Gradient_is_the_mask()
    {
        var x = Leaf(7, 20);
        var y = Functional.Dropout(x, 0.5f, training: true, new Rng(8));
        y.Sum().Backward();
        var mask = y.ToArray().Zip(x.ToArray(), (yv, xv) => yv / xv).ToArray();
        Close(mask, x.Grad!);
        Assert.All(mask, m => Assert.True(Math.Abs(m) < 1e-6 || Math.Abs(m - 2) < 1e-5));
    }
}
