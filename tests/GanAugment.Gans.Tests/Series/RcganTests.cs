using GanAugment.Gans.Models;
using GanAugment.Gans.Options;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Series;

/// <summary>RGAN/RCGAN networks: shapes, where the condition goes, the per-step loss, options.</summary>
public class RcganTests
{
    [Theory]
    [InlineData(1, 1, 2, "per-step", 1)]
    [InlineData(7, 1, 2, "fixed", 1)]
    [InlineData(30, 3, 4, "per-step", 2)]
    [InlineData(12, 2, 0, "fixed", 2)]
    public void ShapesThroughGAndDForAnyLengthAndFeatureCount(int length, int features, int classes, string latent, int layers)
    {
        var data = SeriesData.Random(10, length, features, classes);
        var model = SeriesData.Model(data.Spec, 1, $"latent={latent}", $"layers={layers}", $"conditional={classes > 0}", "latent-dim=3");
        var labels = classes > 0 ? new[] { 0, classes - 1, 1 } : null;
        var samples = model.Sample(3, labels, new Rng(2));
        Assert.Equal([3, length, features], samples.ShapeArray);
        Assert.All(samples.ToArray(), v => Assert.InRange(v, -1f, 1f));
        Assert.Equal([3, length], model.Critic(samples, labels).ShapeArray);
        var batch = data.Batch([0, 1, 2, 3], model.Range, 0);
        Assert.Equal([4, length], model.Critic(batch.X, model.TakesLabels ? batch.Labels : null).ShapeArray);
    }

    [Fact]
    public void TheConditionIsAppendedToEveryStepsInput()
    {
        var steps = Tensor.Arange(0, 12).Reshape(2, 3, 2);
        var condition = Tensor.OneHot([1, 0], 3);
        var joined = RcganSteps.WithCondition(steps, condition);
        Assert.Equal([2, 3, 5], joined.ShapeArray);
        var v = joined.ToArray();
        for (var n = 0; n < 2; n++)
            for (var t = 0; t < 3; t++)
            {
                var at = (n * 3 + t) * 5;
                Assert.Equal(new float[] { (n * 3 + t) * 2, (n * 3 + t) * 2 + 1 }, v[at..(at + 2)]);
                Assert.Equal(n == 0 ? new float[] { 0, 1, 0 } : [1, 0, 0], v[(at + 2)..(at + 5)]);
            }
        Assert.Same(steps, RcganSteps.WithCondition(steps, null));
    }

    [Fact]
    public void TheClassChangesGAndDFromTheFirstStepOn()
    {
        var data = SeriesData.Waves(8, length: 10);
        var model = SeriesData.Model(data.Spec, 3);
        var z = Tensor.Randn(new Rng(4), [1, 10, model.LatentDim]);
        float[] G(int y)
        {
            using (Autograd.NoGrad()) return model.Generate(z, Condition.Of([y])).ToArray();
        }
        var (sine, saw) = (G(0), G(1));
        Assert.All(Enumerable.Range(0, 10), t => Assert.NotEqual(sine[t], saw[t]));
        var x = data.Batch([0], model.Range, 0).X;
        var (d0, d1) = (model.Critic(x, [0]).ToArray(), model.Critic(x, [1]).ToArray());
        Assert.All(Enumerable.Range(0, 10), t => Assert.NotEqual(d0[t], d1[t]));
    }

    [Fact]
    public void AFixedLatentIsOneVectorRepeatedOverTime()
    {
        var z = Tensor.FromArray([1f, 2f, 3f, 4f], 2, 2);
        Assert.Equal([1f, 2f, 1f, 2f, 1f, 2f, 3f, 4f, 3f, 4f, 3f, 4f], RcganSteps.RepeatOverTime(z, 3).ToArray());
    }

    [Fact]
    public void PerStepLossIsTheMeanOfEveryStepsBinaryCrossEntropy()
    {
        var logits = Tensor.FromArray([0f, MathF.Log(3f), -MathF.Log(3f), 2f], 2, 2);
        // BCE(x, 1) = ln(1 + e^-x): ln 2, ln 4/3, ln 4, ln(1 + e^-2), averaged over the 4 steps.
        var expectReal = (Math.Log(2) + Math.Log(4.0 / 3) + Math.Log(4) + Math.Log(1 + Math.Exp(-2))) / 4;
        Assert.Equal(expectReal, Rcgan.PerStepBce(logits, 1f).Item(), 5);
        // BCE(x, 0) = ln(1 + e^x): ln 2, ln 4, ln 4/3, ln(1 + e^2).
        var expectFake = (Math.Log(2) + Math.Log(4) + Math.Log(4.0 / 3) + Math.Log(1 + Math.Exp(2))) / 4;
        Assert.Equal(expectFake, Rcgan.PerStepBce(logits, 0f).Item(), 5);
    }

    [Fact]
    public void DefaultsAreTheAuthorsAndOptionsRoundTrip()
    {
        var o = new RcganOptions();
        Assert.Equal((100, 1, 5, RcganLatent.PerStep, RcganLoss.Gan, 5, 1e-3), (o.Hidden, o.Layers, o.LatentDim, o.Latent, o.Loss, o.CriticSteps, o.Adam.LearningRate));
        Assert.Equal((RcganDOptimizer.Sgd, 0.1), (o.DOptimizer, o.DLearningRate));
        Assert.False(Rcgan.UnconditionalEntry.Defaults.Conditional);
        var set = Rcgan.Entry.Schema.Apply(o, [new("latent", "fixed"), new("loss", "wgan-gp"), new("layers", "2"), new("d-optimizer", "adam")]);
        Assert.Equal((RcganLatent.Fixed, RcganLoss.WganGp, 2, RcganDOptimizer.Adam), (set.Latent, set.Loss, set.Layers, set.DOptimizer));
        Assert.Contains("one of per-step, fixed", Assert.Throws<OptionException>(() => Rcgan.Entry.Schema.Set(o, "latent", "walk")).Message);
    }

    [Fact]
    public void TheDiscriminatorDescendsPlainGradientsByDefaultAndAdamOnRequest()
    {
        var data = SeriesData.Random(10, 5, 1, 2);
        Optimizer OptD(Rcgan m) => m.Optimizers().Single(o => o.Name == "opt_d").Optimizer;
        var sgd = Assert.IsType<Sgd>(OptD(SeriesData.Model(data.Spec, 1)));
        Assert.Equal((0.1, 0.0), (sgd.LearningRate, sgd.Momentum));
        Assert.Equal(0.03, Assert.IsType<Sgd>(OptD(SeriesData.Model(data.Spec, 1, "d-learning-rate=0.03"))).LearningRate);
        var adam = Assert.IsType<Adam>(OptD(SeriesData.Model(data.Spec, 1, "d-optimizer=adam", "learning-rate=0.0002")));
        Assert.Equal(2e-4, adam.LearningRate);
        Assert.IsType<Adam>(SeriesData.Model(data.Spec, 1).Optimizers().Single(o => o.Name == "opt_g").Optimizer);
    }

    [Fact]
    public void ModelsAreNamedAndCheckTheirData()
    {
        var waves = SeriesData.Waves(8).Spec;
        Assert.Equal("rcgan", GanZoo.Create("rcgan", waves, [], new Rng(1)).Name);
        var rgan = GanZoo.Create("rgan", waves, [new("hidden", "4")], new Rng(1));
        Assert.Equal(("rgan", ConditionKind.None), (rgan.Name, rgan.Conditioning));
        Assert.Contains("rgan trains without labels", Assert.Throws<ArgumentException>(() => GanZoo.Create("rcgan", SeriesData.Random(4, 5, 1, 0).Spec, [], new Rng(1))).Message);
        Assert.Contains("takes sequences", Assert.Throws<ArgumentException>(() => GanZoo.Create("rcgan", new ImageSpec(1, 28, 28, ["a", "b"]), [], new Rng(1))).Message);
        Assert.Contains("give labels", Assert.Throws<ArgumentException>(() => GanZoo.Create("rcgan", waves, [], new Rng(1)).Sample(2, new Rng(1), Condition.None)).Message);
    }
}
