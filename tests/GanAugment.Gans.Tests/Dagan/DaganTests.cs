using GanAugment.Gans.Models;
using GanAugment.Gans.Observers;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Dagan;

public class DaganTests
{
    /// <summary>Small networks so a step takes milliseconds.</summary>
    private static readonly DaganOptions Tiny = new() { Width = 4, Layers = 2, NoiseMaps = 4, CriticBlocks = 2, CriticLayers = 2, CriticGrowth = 4, CriticSteps = 2 };

    private static Models.Dagan Build(ImageSpec image, ulong seed, DaganOptions? options = null) =>
        (Models.Dagan)Models.Dagan.Entry.Create(new ImagePairSpec(image), options ?? Tiny, new Rng(seed));

    [Theory]
    [InlineData(1, 28)]
    [InlineData(3, 32)]
    public void GeneratorAndCriticShapesFor28x28And32x32x3(int channels, int side)
    {
        var image = new ImageSpec(channels, side, side, ["a", "b"]);
        var net = new DaganGenerator(image, 10, [4, 4, 8, 8], 2, [4, 2, 1], 0.2f, new Rng(1), new Rng(2));
        Assert.Equal(side == 28 ? [28, 14, 7, 4, 2] : new[] { 32, 16, 8, 4, 2 }, net.Sides);
        var source = Tensor.Rand(new Rng(3), [2, channels, side, side]) * 2f - 1f;
        var y = net.Call(source, Tensor.Randn(new Rng(4), [2, 10]));
        Assert.Equal([2, channels, side, side], y.ShapeArray);
        Assert.All(y.ToArray(), v => Assert.InRange(v, -1f, 1f));
        var critic = new DaganCritic(image, 4, 2, 4, new Rng(5));
        Assert.Equal([2, 1], critic.Call(source, y).ShapeArray);
    }

    [Fact]
    public void DefaultNetworksHaveThePapersShapes()
    {
        var o = new DaganOptions();
        Assert.Equal([64, 64, 128, 128], o.Widths);
        Assert.Equal([8, 4, 2], o.InjectionMaps);
        Assert.Equal((1e-4, 0.0, 0.9, 10f, 5), (o.Adam.LearningRate, o.Adam.Beta1, o.Adam.Beta2, o.Lambda, o.CriticSteps));
        var model = Build(new ImageSpec(1, 28, 28, ["a", "b"]), 1, o);
        Assert.Equal([2, 1, 28, 28], model.Sample(2, new Rng(1), Condition.OfSource(Tensor.Zeros(2, 1, 28, 28))).ShapeArray);
    }

    [Fact]
    public void NoiseAndSourceBothChangeTheOutput()
    {
        var model = Build(new ImageSpec(1, 28, 28, ["a", "b"]), 2);
        var a = Tensor.Rand(new Rng(1), [1, 1, 28, 28]) * 2f - 1f;
        var b = Tensor.Rand(new Rng(2), [1, 1, 28, 28]) * 2f - 1f;
        float[] G(Tensor source, ulong noise) => model.Sample(1, new Rng(noise), Condition.OfSource(source)).ToArray();
        Assert.Equal(G(a, 7), G(a, 7));
        Assert.True(MaxDiff(G(a, 7), G(a, 8)) > 1e-3f, "other noise, same output");
        Assert.True(MaxDiff(G(a, 7), G(b, 7)) > 1e-3f, "other source, same output");
    }

    [Fact]
    public void PenaltyOfTheCriticHasFiniteDifferenceSecondOrderGradients()
    {
        // The critic's loss holds ∇ₜD; its gradient in a critic parameter is a second derivative of
        // D. NOTE: ∇ₜD jumps where a LeakyReLU input crosses 0, so a finite difference that
        // straddles such a kink is meaningless: entries whose one-sided differences disagree are
        // skipped, and enough smooth ones must remain.
        var image = new ImageSpec(1, 4, 4, ["a"]);
        var critic = new DaganCritic(image, 2, 2, 2, new Rng(3));
        var source = Tensor.Rand(new Rng(4), [2, 1, 4, 4]);
        var (real, fake) = (Tensor.Rand(new Rng(5), [2, 1, 4, 4]), Tensor.Rand(new Rng(6), [2, 1, 4, 4]));
        Tensor Penalty() => GradientPenalty.Compute(t => critic.Call(source, t), real, fake, new Rng(9));
        var penalty = Penalty();
        var parameters = critic.Parameters().ToArray();
        var grads = Autograd.Grad([penalty], parameters, [Tensor.OnesLike(penalty)], allowUnused: true);
        var (checkedEntries, nonZero) = (0, 0);
        foreach (var (p, g) in parameters.Zip(grads))
        {
            var values = p.AsSpan();
            for (var k = 0; k < Math.Min(2, p.Numel); k++)
            {
                const float h = 5e-3f;
                var keep = values[k];
                var mid = Penalty().Item();
                values[k] = keep + h;
                var up = Penalty().Item();
                values[k] = keep - h;
                var down = Penalty().Item();
                values[k] = keep;
                var (forward, backward) = ((up - mid) / h, (mid - down) / h);
                if (Math.Abs(forward - backward) > 0.1f * Math.Max(1f, Math.Abs(forward))) continue; // a kink
                var numeric = (up - down) / (2 * h);
                var analytic = g is null ? 0f : g.ToArray()[k];
                Assert.True(Math.Abs(numeric - analytic) <= 1e-2f + 3e-2f * Math.Abs(numeric), $"{ShapeUtil.Format(p.Shape)}[{k}]: numeric {numeric}, analytic {analytic}");
                checkedEntries++;
                if (Math.Abs(analytic) > 0.05f) nonZero++;
            }
        }
        Assert.True(checkedEntries >= 30, $"only {checkedEntries} smooth entries");
        Assert.True(nonZero >= 10, $"only {nonZero} clearly non-zero second-order gradients");
    }

    [Fact]
    public void TrainsOnPairsWithFiniteLossesAndResumesBitIdentical()
    {
        var data = new ImagePairData(TestData.Digits(3));
        var options = new TrainerOptions { Epochs = 2, BatchSize = 8, MaxStepsPerEpoch = 2, Seed = 4 };
        using var dir = new TempDir();
        var straight = Build(((ImagePairSpec)data.Spec).Image, 4, Tiny with { Dropout = 0.1f });
        var straightLosses = new List<StepLosses>();
        new GanTrainer(straight, data, options, new RunDirectory(dir.File("a")), [new ZooSmokeTests.Collect(straightLosses)]).Run();
        Assert.All(straightLosses.SelectMany(l => l.Values), p => Assert.True(float.IsFinite(p.Value), $"{p.Key} = {p.Value}"));
        Assert.Contains(straightLosses, l => l.Values.Any(p => p.Key == "gp"));

        var run = new RunDirectory(dir.File("b"));
        var resumedLosses = new List<StepLosses>();
        new GanTrainer(Build(((ImagePairSpec)data.Spec).Image, 4, Tiny with { Dropout = 0.1f }), data, options with { Epochs = 1 }, run, [new ZooSmokeTests.Collect(resumedLosses)]).Run();
        var second = Build(((ImagePairSpec)data.Spec).Image, 99, Tiny with { Dropout = 0.1f });
        var position = RunDirectory.Restore(second, run.LastCheckpoint);
        new GanTrainer(second, data, options, run, [new ZooSmokeTests.Collect(resumedLosses)]).Run(position);

        Assert.Equal(straightLosses.SelectMany(l => l.Values.Select(p => p.Value)), resumedLosses.SelectMany(l => l.Values.Select(p => p.Value)));
        Weights.AssertSame(straight, second);
    }

    [Fact]
    public void StatsOfAnEpochComeFromGenerationsOfRealSources()
    {
        // The training CLI's default (--stats-samples 1000) once stopped a DAGAN run at its first epoch's end.
        var data = new ImagePairData(TestData.Digits(3));
        using var dir = new TempDir();
        var run = new RunDirectory(dir.Path);
        var stats = new StatsObserver(run, data, samples: 70);
        new GanTrainer(Build(((ImagePairSpec)data.Spec).Image, 4, Tiny), data, new TrainerOptions { Epochs = 2, BatchSize = 8, MaxStepsPerEpoch = 1, Seed = 4 }, run, [stats]).Run();
        Assert.Equal([1, 2], stats.Rows.Select(r => r.Epoch));
        Assert.All(stats.Rows, r => Assert.True(double.IsFinite(r.FakeMean) && r.FakeStd > 0 && r.FakeStd < 1.5, $"fake mean {r.FakeMean}, std {r.FakeStd}"));
        Assert.Equal(3, File.ReadAllLines(run.File("stats.csv")).Length);
    }

    [Fact]
    public void TakesImagePairsOnly()
    {
        var e = Assert.Throws<ArgumentException>(() => GanZoo.Create("dagan", new ImageSpec(1, 28, 28, ["a", "b"]), [], new Rng(1)));
        Assert.Contains("takes image pairs", e.Message);
    }

    private static float MaxDiff(float[] a, float[] b) => a.Zip(b).Max(p => Math.Abs(p.First - p.Second));
}
