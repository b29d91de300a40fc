using GanAugment.NN.Optim;
using static GanAugment.NN.Tests.Optim.OptimTestUtil;

namespace GanAugment.NN.Tests.Optim;

public class SgdTests
{
    [Fact]
    public void PlainStepIsThetaMinusLrTimesGrad()
    {
        // θ = [1, −2], g = [0.5, 0.25], γ = 0.1: θ − γg = [1 − 0.05, −2 − 0.025] = [0.95, −2.025]
        var p = Param(1f, -2f);
        StepWith(new Sgd([p], lr: 0.1), p, 0.5f, 0.25f);
        Close(0.95, p.AsSpan()[0]);
        Close(-2.025, p.AsSpan()[1]);
    }

    [Fact]
    public void WeightDecayAddsLambdaThetaToTheGradientButLeavesGradAlone()
    {
        // g' = g + 0.1 θ = [0.5 + 0.1, 0.25 − 0.2] = [0.6, 0.05]; θ = [1 − 0.06, −2 − 0.005] = [0.94, −2.005]
        var p = Param(1f, -2f);
        StepWith(new Sgd([p], lr: 0.1, weightDecay: 0.1), p, 0.5f, 0.25f);
        Close(0.94, p.AsSpan()[0]);
        Close(-2.005, p.AsSpan()[1]);
        Assert.Equal([0.5f, 0.25f], p.Grad!.ToArray());
    }

    [Fact]
    public void MomentumBufferStartsAtTheGradient()
    {
        // μ = 0.9, γ = 0.1, constant g = 0.5, θ0 = 1:
        // t=1: b = g = 0.5,               θ = 1 − 0.05 = 0.95
        // t=2: b = 0.9·0.5 + 0.5 = 0.95,  θ = 0.95 − 0.095 = 0.855
        // t=3: b = 0.9·0.95 + 0.5 = 1.355, θ = 0.855 − 0.1355 = 0.7195
        var p = Param(1f);
        var sgd = new Sgd([p], lr: 0.1, momentum: 0.9);
        StepWith(sgd, p, 0.5f);
        Close(0.95, p.AsSpan()[0]);
        StepWith(sgd, p, 0.5f);
        Close(0.855, p.AsSpan()[0]);
        StepWith(sgd, p, 0.5f);
        Close(0.7195, p.AsSpan()[0]);
    }

    [Fact]
    public void DampeningIsNotAppliedOnTheFirstStep()
    {
        // μ = 0.9, τ = 0.5, γ = 0.1, g = 0.5:
        // t=1: b = g = 0.5 (undamped),          θ = 1 − 0.05 = 0.95
        // t=2: b = 0.9·0.5 + 0.5·0.5 = 0.7,     θ = 0.95 − 0.07 = 0.88
        var p = Param(1f);
        var sgd = new Sgd([p], lr: 0.1, momentum: 0.9, dampening: 0.5);
        StepWith(sgd, p, 0.5f);
        Close(0.95, p.AsSpan()[0]);
        StepWith(sgd, p, 0.5f);
        Close(0.88, p.AsSpan()[0]);
    }

    [Fact]
    public void NesterovLooksAheadAlongTheBuffer()
    {
        // μ = 0.9, γ = 0.1, g = 0.5:
        // t=1: b = 0.5,  g + μb = 0.5 + 0.45 = 0.95,   θ = 1 − 0.095 = 0.905
        // t=2: b = 0.95, g + μb = 0.5 + 0.855 = 1.355, θ = 0.905 − 0.1355 = 0.7695
        var p = Param(1f);
        var sgd = new Sgd([p], lr: 0.1, momentum: 0.9, nesterov: true);
        StepWith(sgd, p, 0.5f);
        Close(0.905, p.AsSpan()[0]);
        StepWith(sgd, p, 0.5f);
        Close(0.7695, p.AsSpan()[0]);
    }

    [Fact]
    public void NesterovNeedsMomentumAndNoDampening()
    {
        var p = Param(1f);
        Assert.Throws<ArgumentException>(() => new Sgd([p], lr: 0.1, nesterov: true));
        Assert.Throws<ArgumentException>(() => new Sgd([p], lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd([p], lr: -1));
    }
}
