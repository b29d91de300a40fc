using GanAugment.NN.Optim;
using GanAugment.Tensors;
using static GanAugment.NN.Tests.Optim.OptimTestUtil;

namespace GanAugment.NN.Tests.Optim;

public class OptimizerTests
{
    [Fact]
    public void ZeroGradSetsGradientsToNullByDefault()
    {
        var a = Param(1f, 2f);
        var b = Param(3f);
        a.Grad = Tensor.FromArray([1f, 1f]);
        var sgd = new Sgd([a, b], lr: 0.1);
        sgd.ZeroGrad();
        Assert.Null(a.Grad);
        Assert.Null(b.Grad);
    }

    [Fact]
    public void ZeroGradCanFillWithZerosInPlace()
    {
        var a = Param(1f, 2f);
        var grad = Tensor.FromArray([1f, -1f]);
        a.Grad = grad;
        new Sgd([a], lr: 0.1).ZeroGrad(setToNone: false);
        Assert.Same(grad, a.Grad);
        Assert.Equal([0f, 0f], grad.ToArray());
    }

    [Fact]
    public void ParametersWithoutGradientAreSkippedAndGetNoState()
    {
        var a = Param(1f);
        var b = Param(2f);
        var adam = new Adam([a, b], lr: 0.1);
        StepWith(adam, a, 0.5f);
        Assert.Equal(2f, b.AsSpan()[0]);
        Assert.NotEqual(1f, a.AsSpan()[0]);
        var state = adam.StateDict();
        Assert.Equal(1, state.Scalars["state.0.step"]);
        Assert.False(state.Scalars.ContainsKey("state.1.step"));
        Assert.Equal(["state.0.exp_avg", "state.0.exp_avg_sq"], state.Tensors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LearningRateIsSettableBetweenSteps()
    {
        // γ = 0.1 then 0.01: θ = 1 − 0.1·0.5 − 0.01·0.5 = 0.945
        var p = Param(1f);
        var sgd = new Sgd([p], lr: 0.1);
        StepWith(sgd, p, 0.5f);
        sgd.LearningRate = 0.01;
        StepWith(sgd, p, 0.5f);
        Close(0.945, p.AsSpan()[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => sgd.LearningRate = double.NaN);
    }

    [Fact]
    public void GradientOfTheWrongShapeIsAnError()
    {
        var p = Param(1f, 2f);
        p.Grad = Tensor.FromArray([1f, 2f], 2, 1);
        var e = Assert.Throws<InvalidOperationException>(() => new Sgd([p], lr: 0.1).Step());
        Assert.Contains("parameter 0", e.Message);
    }

    [Fact]
    public void TheSameParameterTwiceIsRejected()
    {
        var p = Param(1f);
        Assert.Throws<ArgumentException>(() => new Adam([p, p]));
    }

    [Fact]
    public void RankZeroParametersWork()
    {
        var p = new Parameter(Tensor.Scalar(1f));
        p.Grad = Tensor.Scalar(0.5f);
        var adam = new Adam([p], lr: 0.01);
        adam.Step();
        Close(0.99, p.Item());
        Assert.Equal(0, adam.StateDict().Tensors["state.0.exp_avg"].Rank);
    }
}
