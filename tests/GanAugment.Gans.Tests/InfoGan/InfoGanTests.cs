using GanAugment.Gans.Models;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests;

public class InformationLossTests
{
    [Fact]
    public void CategoricalTermIsTheMeanCrossEntropyOfQsLogits()
    {
        // softmax(0, ln 3) = (1/4, 3/4): −ln(3/4) for category 1, −ln(1/4) for category 0.
        var logits = Tensor.FromArray([0f, MathF.Log(3f), 0f, MathF.Log(3f)], 2, 2);
        var loss = InformationLoss.Categorical(logits, [1, 0]).Item();
        Assert.Equal((-Math.Log(0.75) - Math.Log(0.25)) / 2, loss, 5);
    }

    [Fact]
    public void GaussianTermWithFixedStdIsHalfTheSquaredErrorPlusTheConstant()
    {
        // ½·0.5² + ½·1² + 2·½·ln 2π = 0.125 + 0.5 + 1.837877
        var loss = InformationLoss.Gaussian(Tensor.FromArray([0.5f, -1f], 1, 2), null, Tensor.FromArray([1f, 0f], 1, 2)).Item();
        Assert.Equal(0.125 + 0.5 + Math.Log(2 * Math.PI), loss, 1e-5);
    }

    [Fact]
    public void GaussianTermWithLearnedStdScalesTheErrorAndAddsTheLogStd()
    {
        // code 1: ½·(0.5/2)² + ln 2 + ½·ln 2π; code 2: ½·1² + 0 + ½·ln 2π
        var loss = InformationLoss.Gaussian(Tensor.FromArray([0.5f, -1f], 1, 2), Tensor.FromArray([MathF.Log(2f), 0f], 1, 2), Tensor.FromArray([1f, 0f], 1, 2)).Item();
        Assert.Equal(0.03125 + Math.Log(2) + 0.5 + Math.Log(2 * Math.PI), loss, 1e-5);
    }

    [Fact]
    public void GaussianTermIsAveragedOverSamplesAndSummedOverCodes()
    {
        // two samples with squared errors 1 and 9 on one code: (½·1 + ½·9)/2 + ½·ln 2π
        var loss = InformationLoss.Gaussian(Tensor.FromArray([0f, 0f], 2, 1), null, Tensor.FromArray([1f, 3f], 2, 1)).Item();
        Assert.Equal(2.5 + 0.5 * Math.Log(2 * Math.PI), loss, 1e-5);
    }
}

public class LatentCodesTests
{
    private static readonly LatentCodes Mnist = new(10, 2);

    [Fact]
    public void FixedCodesAreSetAndTheOthersDrawnFromTheirPriors()
    {
        var codes = Mnist.Draw(50, new Rng(3), Mnist.Parse("cat=3,c1=0.5")).ToArray();
        for (var i = 0; i < 50; i++)
        {
            var row = codes.AsSpan(i * 12, 12);
            Assert.Equal(1f, row[3]);
            Assert.Equal(1f, row[..10].ToArray().Sum());
            Assert.Equal(0.5f, row[10]);
            Assert.InRange(row[11], -1f, 1f);
        }
        Assert.True(codes.Where((_, k) => k % 12 == 11).Distinct().Count() > 40, "c2 is drawn per sample");
    }

    [Fact]
    public void DrawnCategoriesCoverEveryValue() =>
        Assert.Equal(Enumerable.Range(0, 10), Mnist.CategoryOf(Mnist.Draw(200, new Rng(1))).Distinct().Order());

    [Theory]
    [InlineData("c3=1", "unknown code 'c3'; this model's codes are cat (0..9), c1, c2")]
    [InlineData("cat=10", "cat=10 is not a category: give an integer 0..9")]
    [InlineData("cat=2.5", "cat=2.5 is not a category: give an integer 0..9")]
    [InlineData("c1=abc", "c1=abc is not a number (the codes are drawn from [-1, 1]; e.g. c1=0.5)")]
    [InlineData("cat=1,cat=2", "code 'cat' is given twice")]
    [InlineData("cat", "'cat' is not name=value; this model's codes are cat (0..9), c1, c2")]
    public void BadCodesAreOneLineErrors(string text, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => Mnist.Parse(text)).Message);
}

public class InfoGanModelTests
{
    /// <summary>Narrow networks so that a test trains in a second.</summary>
    internal static readonly string[] Small = ["width=4", "dense-width=16", "q-width=8", "latent-dim=6"];

    internal static Models.InfoGan Build(ulong seed, params string[] extra) =>
        (Models.InfoGan)ZooSmokeTests.Build("infogan", [.. Small, .. extra], TestData.Digits(3), seed);

    private static Condition Codes(Models.InfoGan model, string text, int count) =>
        Condition.OfCodes(model.Codes.Draw(count, new Rng(9), model.Codes.Parse(text)));

    [Fact]
    public void CodesFixedBySampleReachTheGenerator()
    {
        var model = Build(1);
        float[] Sample(string code) => model.Sample(4, new Rng(5), Codes(model, code, 4)).ToArray();
        var three = Sample("cat=3,c1=0.5,c2=0");
        Assert.Equal(three, Sample("cat=3,c1=0.5,c2=0"));
        Assert.NotEqual(three, Sample("cat=4,c1=0.5,c2=0"));
        Assert.NotEqual(three, Sample("cat=3,c1=-0.5,c2=0"));
        Assert.NotEqual(three, Sample("cat=3,c1=0.5,c2=0.9"));
    }

    [Fact]
    public void ShapesOfSamplesFeaturesAndPredictions()
    {
        var model = Build(2, "learn-std=true");
        var data = TestData.Digits(2);
        var losses = new List<StepLosses>();
        new GanTrainer(model, data, new TrainerOptions { Epochs = 1, BatchSize = 8, MaxStepsPerEpoch = 2, Seed = 2, SampleEvery = 0 }, null, [new ZooSmokeTests.Collect(losses)]).Run();
        Assert.All(losses.SelectMany(l => l.Values), p => Assert.True(float.IsFinite(p.Value), $"{p.Key} = {p.Value}"));
        Assert.Equal(["d_real", "d_fake", "q_cat", "q_cont", "g", "g_cat", "g_cont"], losses[0].Values.Select(p => p.Key));

        var samples = model.Sample(6, new Rng(1));
        Assert.Equal([6, 1, 28, 28], samples.ShapeArray);
        Assert.All(samples.ToArray(), v => Assert.InRange(v, 0f, 1f));
        var real = new ImageData(data).Batch([0, 1, 2, 3, 4], model.Range, 0).X;
        Assert.Equal([5, 16], model.Encode(real).ShapeArray);
        Assert.Equal(16, model.FeatureSize);
        Assert.All(model.PredictCategories(real), k => Assert.InRange(k, 0, 9));
    }

    [Fact]
    public void ConditionOfAnotherKindOrWidthIsRefused()
    {
        var model = Build(3);
        Assert.Throws<ArgumentException>(() => model.Sample(2, new Rng(1), Condition.Of([1, 2])));
        Assert.Throws<ArgumentException>(() => model.Sample(2, new Rng(1), Condition.OfCodes(Tensor.Zeros(2, 11))));
    }

    [Fact]
    public void InterruptedAfterEpochOneAndResumedEqualsUninterrupted()
    {
        var data = TestData.Digits(3);
        var options = new TrainerOptions { Epochs = 2, BatchSize = 8, MaxStepsPerEpoch = 3, Seed = 11, SampleEvery = 0 };
        using var dir = new TempDir();
        var straight = Build(11);
        var straightLosses = new List<StepLosses>();
        new GanTrainer(straight, data, options, new RunDirectory(dir.File("a")), [new ZooSmokeTests.Collect(straightLosses)]).Run();

        var first = Build(11);
        var run = new RunDirectory(dir.File("b"));
        var resumedLosses = new List<StepLosses>();
        new GanTrainer(first, data, options with { Epochs = 1 }, run, [new ZooSmokeTests.Collect(resumedLosses)]).Run();
        var second = Build(999); // a different init: the checkpoint must overwrite it
        var position = RunDirectory.Restore(second, run.LastCheckpoint);
        new GanTrainer(second, data, options, run, [new ZooSmokeTests.Collect(resumedLosses)]).Run(position);

        Assert.Equal(straightLosses.SelectMany(l => l.Values.Select(p => p.Value)), resumedLosses.SelectMany(l => l.Values.Select(p => p.Value)));
        Weights.AssertSame(straight, second);
        Assert.Equal(straight.Sample(3, new Rng(4)).ToArray(), second.Sample(3, new Rng(4)).ToArray());
    }

    [Fact]
    public void TraversalGridsAreWrittenPerContinuousCodeEachEpoch()
    {
        var model = Build(4);
        using var dir = new TempDir();
        var run = new RunDirectory(dir.File("run"));
        var observer = new InfoGanObserver(run, every: 1);
        new GanTrainer(model, TestData.Digits(2), new TrainerOptions { Epochs = 2, BatchSize = 8, MaxStepsPerEpoch = 1, Seed = 4, SampleEvery = 0 }, run, [observer]).Run();
        Assert.Equal(["traversal_c1_epoch_1.png", "traversal_c2_epoch_1.png", "traversal_c1_epoch_2.png", "traversal_c2_epoch_2.png"], observer.Written.Select(Path.GetFileName));
        var grid = GanAugment.Data.Images.ImageFile.Read(observer.Written[0]);
        Assert.True(grid.Width > 10 * 28 && grid.Height > 10 * 28, $"{grid.Width}x{grid.Height}: 10 columns, 10 rows");
    }

    [Fact]
    public void TrainsOnAToyTableWithSoftmaxBlocksAndEncodesItsRows()
    {
        var data = Tables.TableToys.Mixed();
        var spec = (TableSpec)data.Spec;
        var model = (Models.InfoGan)GanZoo.Create("infogan", spec, [new("table-width", "16"), new("latent-dim", "4"), new("categories", "3"), new("continuous", "1")], new Rng(5));
        var losses = new List<StepLosses>();
        new GanTrainer(model, data, Tables.TableToys.Quick(), null, [new ZooSmokeTests.Collect(losses)]).Run();
        Assert.All(losses.SelectMany(l => l.Values), p => Assert.True(float.IsFinite(p.Value), $"{p.Key} = {p.Value}"));
        var rows = model.Sample(7, new Rng(2), Condition.OfCodes(model.Codes.Draw(7, new Rng(2), model.Codes.Parse("cat=2"))));
        Assert.Equal([7, spec.Width], rows.ShapeArray);
        var values = rows.ToArray();
        foreach (var block in spec.Blocks.Where(b => b.Activation == BlockActivation.Softmax))
            for (var i = 0; i < 7; i++)
                Assert.Equal(1f, values.AsSpan(i * spec.Width + block.Offset, block.Width).ToArray().Sum(), 4);
        Assert.Equal([7, 16], model.Encode(rows).ShapeArray);
    }
}
