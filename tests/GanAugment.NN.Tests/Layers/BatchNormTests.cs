using GanAugment.Tensors;
using static GanAugment.NN.Tests.TestUtil;

namespace GanAugment.NN.Tests;

public class BatchNormTests
{
    // Two channels over a batch of 4: channel 0 = 1, 3, 5, 7 (mean 4, biased variance
    // (9+1+1+9)/4 = 5, unbiased 20/3); channel 1 = 0, 0, 4, 4 (mean 2, biased variance 4,
    // unbiased 16/3).
    private static Tensor Batch() => Tensor.FromArray([1f, 0, 3, 0, 5, 4, 7, 4], 4, 2);

    [Fact]
    public void Training_normalises_with_the_biased_batch_variance()
    {
        var bn = new BatchNorm1d(2);
        var y = bn.Call(Batch());
        // (x - 4)/√(5 + 1e-5) = ∓1.3416394, ∓0.4472131; (x - 2)/√(4 + 1e-5) = ∓0.9999988.
        Close([-1.3416394f, -0.9999988f, -0.4472131f, -0.9999988f, 0.4472131f, 0.9999988f, 1.3416394f, 0.9999988f], y);
    }

    [Fact]
    public void Training_updates_running_stats_with_the_unbiased_variance()
    {
        var bn = new BatchNorm1d(2);
        bn.Call(Batch());
        // mean: 0.9·0 + 0.1·[4, 2] = [0.4, 0.2]; var: 0.9·1 + 0.1·[20/3, 16/3] = [1.5666667, 1.4333333].
        Close([0.4f, 0.2f], bn.RunningMean!);
        Close([1.5666667f, 1.4333333f], bn.RunningVar!);
    }

    [Fact]
    public void Eval_uses_the_running_stats_and_leaves_them_alone()
    {
        var bn = new BatchNorm1d(2);
        bn.Call(Batch());
        bn.Eval();
        var y = bn.Call(Batch());
        // (x - 0.4)/√(1.5666667 + 1e-5) and (x - 0.2)/√(1.4333333 + 1e-5).
        Close([0.4793597f, -0.1670532f, 2.0772256f, -0.1670532f, 3.6750914f, 3.1740114f, 5.2729572f, 3.1740114f], y, 1e-4);
        Close([0.4f, 0.2f], bn.RunningMean!);
        Close([1.5666667f, 1.4333333f], bn.RunningVar!);
    }

    [Fact]
    public void BatchNorm_eps_vs_momentum()
    {
        // PyTorch's positional BatchNorm2d(n, 0.8) sets eps = 0.8, not momentum (Keras's 0.8
        // momentum is PyTorch's 0.2). Named arguments must land where they say.
        var withEps = new BatchNorm1d(1, eps: 0.8f);
        var x = Tensor.FromArray([1f, 3, 5, 7], 4, 1);
        var y = withEps.Call(x);
        Assert.Equal(0.8f, withEps.Eps);
        Assert.Equal(0.1f, withEps.Momentum);
        Close(-3 / Math.Sqrt(5.8), y.AsSpan()[0]);           // eps in the denominator: -3/√(5 + 0.8)
        Close(0.4, withEps.RunningMean!.AsSpan()[0]);          // default momentum 0.1: 0.1·4

        var withMomentum = new BatchNorm1d(1, momentum: 0.8f);
        y = withMomentum.Call(x);
        Assert.Equal(1e-5f, withMomentum.Eps);
        Close(-3 / Math.Sqrt(5.00001), y.AsSpan()[0]);
        Close(3.2, withMomentum.RunningMean!.AsSpan()[0]);     // 0.2·0 + 0.8·4
        Close(0.2 + 0.8 * 20 / 3.0, withMomentum.RunningVar!.AsSpan()[0], 1e-5);
    }

    [Fact]
    public void Affine_parameters_scale_and_shift()
    {
        var bn = new BatchNorm1d(1);
        Set(bn.Weight!, 2f);
        Set(bn.Bias!, 1f);
        var y = bn.Call(Tensor.FromArray([1f, 3, 5, 7], 4, 1));
        Close([1 - 2 * 1.3416394f, 1 - 2 * 0.4472131f, 1 + 2 * 0.4472131f, 1 + 2 * 1.3416394f], y);
        Assert.Null(new BatchNorm1d(1, affine: false).Weight);
    }

    [Fact]
    public void BatchNorm1d_accepts_N_C_L_and_BatchNorm2d_NCHW_with_the_same_statistics()
    {
        // Channel 0 holds 1, 3, 5, 7 in both layouts, spread over N and L (or H, W).
        var x3 = Tensor.FromArray([1f, 3, 10, 10, 5, 7, 20, 20], 2, 2, 2);
        var y3 = new BatchNorm1d(2).Call(x3);
        Close([-1.3416394f, -0.4472131f], y3.Narrow(0, 0, 1).Narrow(1, 0, 1));
        Close([0.4472131f, 1.3416394f], y3.Narrow(0, 1, 1).Narrow(1, 0, 1));

        var x4 = x3.Reshape(2, 2, 1, 2);
        var bn2 = new BatchNorm2d(2);
        Assert.Equal(y3.ToArray(), bn2.Call(x4).ToArray());
        Close([0.4f, 1.5f], bn2.RunningMean!);
        Assert.Throws<ArgumentException>(() => new BatchNorm2d(2).Call(x3));
        Assert.Throws<ArgumentException>(() => new BatchNorm1d(3).Call(x3));
    }

    [Fact]
    public void A_single_value_per_channel_cannot_train()
    {
        var error = Assert.Throws<ArgumentException>(() => new BatchNorm1d(2).Call(Tensor.Zeros(1, 2)));
        Assert.Contains("more than one value per channel", error.Message);
    }

    [Fact]
    public void Gradients_match_finite_differences_in_training()
    {
        var bn = new BatchNorm2d(2);
        Set(bn.Weight!, 1.5f, 0.5f);
        Set(bn.Bias!, 0.1f, -0.2f);
        var x = Leaf(3, 3, 2, 2, 2);
        GradCheck.FirstOrder(() => bn.Call(x), x, bn.Weight!, bn.Bias!);
    }

    [Fact]
    public void Gradients_match_finite_differences_in_eval()
    {
        var bn = new BatchNorm1d(3);
        bn.Call(Tensor.Randn(new Rng(4), [6, 3]));
        bn.Eval();
        var x = Leaf(5, 4, 3);
        GradCheck.FirstOrder(() => bn.Call(x), x, bn.Weight!, bn.Bias!);
    }

    [Fact]
    public void Gradient_of_the_gradient_norm_in_training()
    {
        var bn = new BatchNorm1d(2);
        Set(bn.Weight!, 1.5f, 0.7f);
        var x = Leaf(6, 4, 2);
        GradCheck.SecondOrder(() => bn.Call(x).Tanh(), x, x, bn.Weight!);
    }
}
