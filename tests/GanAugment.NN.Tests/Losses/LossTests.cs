using GanAugment.Tensors;
using static GanAugment.NN.Tests.TestUtil;

namespace GanAugment.NN.Tests;

public class LossTests
{
    [Fact]
    public void Bce_with_logits_values()
    {
        // x = [0, 2, -1], t = [1, 0, 1]: log 2 = 0.6931472; 2 + log(1 + e^-2) = 2.1269280;
        // 1 + log(1 + e^-1) = log(1 + e) = 1.3132617; mean 1.3777790.
        var x = Tensor.FromArray([0f, 2, -1]);
        var t = Tensor.FromArray([1f, 0, 1]);
        Close([0.6931472f, 2.1269280f, 1.3132617f], Losses.BinaryCrossEntropyWithLogits(x, t, reduction: Reduction.None));
        Close(1.3777790, Losses.BinaryCrossEntropyWithLogits(x, t).Item());
        Close(4.1333369, Losses.BinaryCrossEntropyWithLogits(x, t, reduction: Reduction.Sum).Item());
    }

    [Fact]
    public void Bce_with_logits_gradient_is_sigmoid_minus_target_including_at_zero()
    {
        // d/dx = (σ(x) - t)/n: x = 0, t = 1 gives (0.5 - 1)/3; x = 2, t = 0 gives 0.8807971/3;
        // x = -1, t = 1 gives (0.2689414 - 1)/3.
        var x = Tensor.FromArray([0f, 2, -1]).RequiresGrad_();
        Losses.BinaryCrossEntropyWithLogits(x, Tensor.FromArray([1f, 0, 1])).Backward();
        Close([-0.5f / 3, 0.8807971f / 3, (0.2689414f - 1) / 3], x.Grad!);
    }

    [Fact]
    public void Bce_with_logits_is_stable_at_plus_and_minus_100()
    {
        // e^100 overflows float; the stable form never computes it. Wrong side: |x| = 100; right side: 0.
        var x = Tensor.FromArray([100f, -100, 100, -100]).RequiresGrad_();
        var loss = Losses.BinaryCrossEntropyWithLogits(x, Tensor.FromArray([0f, 1, 1, 0]), reduction: Reduction.None);
        Close([100f, 100, 0, 0], loss);
        loss.Sum().Backward();
        // σ(100) - 0 = 1, σ(-100) - 1 = -1, and about 0 on the right side.
        Close([1f, -1, 0, 0], x.Grad!);
        Assert.All(x.Grad!.ToArray(), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Bce_with_logits_weight_and_pos_weight()
    {
        var x = Tensor.FromArray([0f, 0]);
        var t = Tensor.FromArray([1f, 0]);
        // Each term is log 2; weight scales each element, posWeight only the positive one.
        Close([2 * 0.6931472f, 0.5f * 0.6931472f], Losses.BinaryCrossEntropyWithLogits(x, t, weight: Tensor.FromArray([2f, 0.5f]), reduction: Reduction.None));
        Close([3 * 0.6931472f, 0.6931472f], Losses.BinaryCrossEntropyWithLogits(x, t, posWeight: Tensor.FromArray([3f]), reduction: Reduction.None));
    }

    [Fact]
    public void Bce_on_probabilities_clamps_logs_at_minus_100()
    {
        // p = 0.5, t = 1: log 2; p = 0.9, t = 0: -log 0.1 = 2.3025851; p = 0, t = 1 and p = 1, t = 0: 100; p = 1, t = 1: 0.
        var p = Tensor.FromArray([0.5f, 0.9f, 0f, 1f, 1f]).RequiresGrad_();
        var loss = Losses.BinaryCrossEntropy(p, Tensor.FromArray([1f, 0, 1, 0, 1]), reduction: Reduction.None);
        Close([0.6931472f, 2.3025851f, 100, 100, 0], loss, 1e-4);
        loss.Sum().Backward();
        // d/dp = -t/p + (1-t)/(1-p): -2 and 10 where unclamped; no NaN where clamped.
        Close(-2, p.Grad!.AsSpan()[0], 1e-5);
        Close(10, p.Grad!.AsSpan()[1], 1e-4);
        Assert.All(p.Grad!.ToArray(), v => Assert.True(float.IsFinite(v)));
        var error = Assert.Throws<ArgumentException>(() => Losses.BinaryCrossEntropy(Tensor.FromArray([1.5f]), Tensor.FromArray([1f])));
        Assert.Contains("pass logits to BinaryCrossEntropyWithLogits", error.Message);
    }

    [Fact]
    public void Cross_entropy_values_and_gradient()
    {
        // Logits [1, 2, 3], class 2: -log(e³/(e + e² + e³)) = log(1 + e^-1 + e^-2) = 0.4076060.
        var logits = Tensor.FromArray([1f, 2, 3], 1, 3).RequiresGrad_();
        var loss = Losses.CrossEntropy(logits, [2]);
        Close(0.4076060, loss.Item());
        loss.Backward();
        // softmax - one-hot.
        Close([0.0900306f, 0.2447285f, 0.6652410f - 1], logits.Grad!);
    }

    [Fact]
    public void No_softmax_before_a_cross_entropy_that_takes_logits()
    {
        // Feeding softmax outputs applies softmax twice: the loss of [1, 2, 3] would become
        // -log softmax([0.0900, 0.2447, 0.6652])[2] = 0.7971903 instead of 0.4076060.
        var logits = Tensor.FromArray([1f, 2, 3], 1, 3);
        Close(0.4076060, Losses.CrossEntropy(logits, [2]).Item());
        Close(0.7971903, Losses.CrossEntropy(logits.Softmax(1), [2]).Item());
        // And cross-entropy is exactly NLL of log-softmax, applied once.
        Close(Losses.NllLoss(logits.LogSoftmax(1), [2]).Item(), Losses.CrossEntropy(logits, [2]).Item(), 1e-7);
    }

    [Fact]
    public void Nll_loss_with_and_without_class_weights()
    {
        var logProbs = Tensor.FromArray([-1f, -2, -0.5f, -3], 2, 2);
        // Picks -1 and -3: mean (1 + 3)/2 = 2, sum 4.
        Close(2, Losses.NllLoss(logProbs, [0, 1]).Item());
        Close(4, Losses.NllLoss(logProbs, [0, 1], reduction: Reduction.Sum).Item());
        // Weights [1, 3]: (1·1 + 3·3)/(1 + 3) = 2.5 (PyTorch divides by the picked weights).
        Close(2.5, Losses.NllLoss(logProbs, [0, 1], weight: Tensor.FromArray([1f, 3])).Item());
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Losses.NllLoss(logProbs, [0, 2]));
        Assert.Contains("target 2 at position 1 is out of range for 2 classes", error.Message);
    }

    [Fact]
    public void Mse_and_l1()
    {
        var a = Tensor.FromArray([1f, 2, -1]);
        var b = Tensor.FromArray([3f, 2, 0]);
        // Differences -2, 0, -1: squares 4, 0, 1 (mean 5/3); absolute 2, 0, 1 (mean 1).
        Close(5 / 3.0, Losses.MseLoss(a, b).Item());
        Close(1, Losses.L1Loss(a, b).Item());
        Close([4f, 0, 1], Losses.MseLoss(a, b, Reduction.None));
        Close(3, Losses.L1Loss(a, b, Reduction.Sum).Item());
        Assert.Throws<ArgumentException>(() => Losses.MseLoss(a, Tensor.Zeros(3, 1)));
    }

    [Fact]
    public void Loss_gradients_match_finite_differences()
    {
        var x = Leaf(1, 3, 4);
        var targets = Tensor.Rand(new Rng(2), [3, 4]);
        GradCheck.FirstOrder(() => Losses.BinaryCrossEntropyWithLogits(x, targets, posWeight: Tensor.FromArray([1f, 2, 0.5f, 1])), x);
        GradCheck.FirstOrder(() => Losses.CrossEntropy(x, [0, 3, 1], weight: Tensor.FromArray([1f, 2, 1, 0.5f])), x);
        var p = Tensor.Rand(new Rng(3), [5], 0.2f, 0.8f).RequiresGrad_();
        GradCheck.FirstOrder(() => Losses.BinaryCrossEntropy(p, Tensor.Rand(new Rng(4), [5])), p);
    }

    [Fact]
    public void Bce_with_logits_is_twice_differentiable()
    {
        // A critic penalty on D's loss gradient: x → ‖∂ℓ/∂x‖², checked through double backward.
        var x = Leaf(5, 6);
        var targets = Tensor.FromArray([1f, 0, 1, 0, 0.5f, 1]);
        GradCheck.SecondOrder(() => Losses.BinaryCrossEntropyWithLogits(x, targets, reduction: Reduction.None), x, x);
    }
}
