using GanAugment.NN.Optim;
using static GanAugment.NN.Tests.Optim.OptimTestUtil;

namespace GanAugment.NN.Tests.Optim;

public class AdamTests
{
    [Fact]
    public void FirstStepMovesByLrWhateverTheGradientScale()
    {
        // t=1: m = 0.1g, v = 0.001g², 1 − β1 = 0.1, 1 − β2 = 0.001, so
        // m/(1 − β1) = g and √v/√(1 − β2) = |g|: θ = θ − γ g/(|g| + ε) = θ − 0.01·sign(g)
        // (ε/|g| ≤ 5e-8 is below float precision). θ0 = [1, −1], g = [0.2, −0.5] → [0.99, −0.99].
        var p = Param(1f, -1f);
        StepWith(new Adam([p], lr: 0.01), p, 0.2f, -0.5f);
        Close(0.99, p.AsSpan()[0]);
        Close(-0.99, p.AsSpan()[1]);
    }

    [Fact]
    public void SecondStepUsesBiasCorrectionForTEquals2()
    {
        // γ = 0.01, β = (0.9, 0.999), θ0 = 1, g1 = 0.2, g2 = −0.1; θ1 = 0.99 as above.
        // m2 = 0.9·0.02 + 0.1·(−0.1) = 0.008,   v2 = 0.999·4e-5 + 0.001·0.01 = 4.996e-5
        // 1 − β1² = 0.19, 1 − β2² = 0.001999:   m̂ = 0.0421053, √v̂ = √(4.996e-5/0.001999) = 0.158090
        // θ2 = 0.99 − 0.01·0.0421053/0.158090 = 0.99 − 0.0026634 = 0.9873366
        // (without bias correction the step would be 0.01·0.008/√4.996e-5 = 0.0113: θ2 = 0.9787)
        var p = Param(1f);
        var adam = new Adam([p], lr: 0.01);
        StepWith(adam, p, 0.2f);
        StepWith(adam, p, -0.1f);
        Close(0.98733663, p.AsSpan()[0]);
    }

    [Fact]
    public void Beta1HalfAsInDcgan()
    {
        // γ = 2e-4, β = (0.5, 0.999), g1 = 0.2, g2 = −0.3, θ0 = 1:
        // t=1: θ1 = 1 − 2e-4 = 0.9998
        // t=2: m2 = 0.5·0.1 + 0.5·(−0.3) = −0.1, 1 − 0.5² = 0.75, m̂ = −0.133333
        //      v2 = 0.999·4e-5 + 0.001·0.09 = 1.2996e-4, √(v2/0.001999) = 0.254975
        //      θ2 = 0.9998 + 2e-4·0.133333/0.254975 = 0.9998 + 1.04585e-4 = 0.99990459
        var p = Param(1f);
        var adam = new Adam([p], lr: 2e-4, beta1: 0.5);
        StepWith(adam, p, 0.2f);
        Close(0.9998, p.AsSpan()[0], 1e-7);
        StepWith(adam, p, -0.3f);
        Close(0.99990459, p.AsSpan()[0], 1e-7);
    }

    [Fact]
    public void WeightDecayIsAddedToTheGradientBeforeTheMoments()
    {
        // λ = 0.1, γ = 0.01, g = 0.2 twice, θ0 = 1:
        // t=1: g' = 0.2 + 0.1 = 0.3, θ1 = 1 − 0.01 = 0.99
        // t=2: g' = 0.2 + 0.099 = 0.299, m2 = 0.027 + 0.0299 = 0.0569, v2 = 0.999·9e-5 + 0.001·0.089401 = 1.79311e-4
        //      m̂ = 0.0569/0.19 = 0.299474, √(v2/0.001999) = 0.299500, θ2 = 0.99 − 0.01·0.999912 = 0.9800009
        var p = Param(1f);
        var adam = new Adam([p], lr: 0.01, weightDecay: 0.1);
        StepWith(adam, p, 0.2f);
        StepWith(adam, p, 0.2f);
        Close(0.98000088, p.AsSpan()[0]);
    }

    [Fact]
    public void AdamWShrinksTheParameterBeforeTheAdamStep()
    {
        // λ = 0.1, γ = 0.01, g = 0.2 twice, θ0 = 1 (the moments see g only, so each Adam step is −0.01):
        // t=1: θ = 1·(1 − 0.001) − 0.01 = 0.989;  t=2: θ = 0.989·0.999 − 0.01 = 0.978011
        var p = Param(1f);
        var adamW = new AdamW([p], lr: 0.01, weightDecay: 0.1);
        StepWith(adamW, p, 0.2f);
        Close(0.989, p.AsSpan()[0]);
        StepWith(adamW, p, 0.2f);
        Close(0.978011, p.AsSpan()[0]);
    }

    [Fact]
    public void AmsgradKeepsTheLargestSecondMoment()
    {
        // γ = 0.1, β = (0.9, 0.9), g1 = 1, g2 = 0, θ0 = 1: t=1 θ1 = 0.9.
        // t=2: m2 = 0.09, v1 = 0.1, v2 = 0.09, 1 − β² = 0.19, m̂ = 0.473684
        //   amsgrad uses max(v1, v2) = 0.1: θ2 = 0.9 − 0.1·0.473684/√(0.1/0.19) = 0.9 − 0.0652929 = 0.8347071
        //   plain Adam uses v2 = 0.09:      θ2 = 0.9 − 0.1·0.473684/√(0.09/0.19) = 0.9 − 0.0688247 = 0.8311753
        var withMax = Param(1f);
        var plain = Param(1f);
        var ams = new Adam([withMax], lr: 0.1, beta2: 0.9, amsgrad: true);
        var adam = new Adam([plain], lr: 0.1, beta2: 0.9);
        StepWith(ams, withMax, 1f);
        StepWith(ams, withMax, 0f);
        StepWith(adam, plain, 1f);
        StepWith(adam, plain, 0f);
        Close(0.83470714, withMax.AsSpan()[0]);
        Close(0.83117528, plain.AsSpan()[0]);
    }

    [Fact]
    public void BetasMustBeBelowOne()
    {
        var p = Param(1f);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([p], beta1: 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([p], beta2: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([p], eps: double.NaN));
    }
}
