using GanAugment.Tensors;

namespace GanAugment.Gans.Tests;

public class GradientPenaltyTests
{
    [Fact]
    public void InterpolationWeightIsUniformPerSampleNotPerPixel()
    {
        // With a critic that returns its input unchanged summed per sample, record x̂ and check
        // that (x̂ − fake) / (real − fake) is one constant per sample, different across samples.
        Tensor? seen = null;
        var real = Tensor.Ones(4, 1, 2, 2);
        var fake = Tensor.Zeros(4, 1, 2, 2);
        GradientPenalty.Compute(x => { seen = x; return x.Reshape(4, -1).Sum(1, keepDim: true); }, real, fake, new Rng(1));
        var v = seen!.ToArray();
        for (var i = 0; i < 4; i++)
            for (var k = 1; k < 4; k++) Assert.Equal(v[i * 4], v[i * 4 + k]);
        Assert.Equal(4, v.Where((_, i) => i % 4 == 0).Distinct().Count());
        Assert.All(v, a => Assert.InRange(a, 0f, 1f));
    }

    [Fact]
    public void ZeroGradientGivesAFinitePenaltyAndFiniteGradients()
    {
        // A critic whose gradient is exactly 0: √0 would give NaN gradients without the epsilon.
        var w = Tensor.Zeros(1, 4).RequiresGrad_();
        var real = Tensor.Ones(2, 1, 2, 2);
        var penalty = GradientPenalty.Compute(x => Functional.Linear(x.Reshape(2, 4), w), real, Tensor.Zeros(2, 1, 2, 2), new Rng(2));
        Assert.Equal(10f, penalty.Item(), 4);
        penalty.Backward();
        Assert.All(w.Grad!.ToArray(), g => Assert.True(float.IsFinite(g)));
    }

    [Fact]
    public void PenaltyOfALinearCriticIsLambdaTimesSquaredDistanceOfItsNormFromOne()
    {
        var w = Tensor.FromArray([0f, 3f, 0f, 4f], 1, 4);
        var penalty = GradientPenalty.Compute(x => Functional.Linear(x.Reshape(3, 4), w), Tensor.Ones(3, 1, 2, 2), Tensor.Zeros(3, 1, 2, 2), new Rng(3));
        Assert.Equal(10f * 16f, penalty.Item(), 2);
    }
}
