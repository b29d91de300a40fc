using GanAugment.Data.Tables;
using GanAugment.Gans.Models;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Tables;

public class TableWganGpTests
{
    [Fact]
    public void SamplesHaveTheEncodedWidthWithTanhAndSoftmaxBlocks()
    {
        var data = TableToys.Mixed();
        var model = TableToys.Model(data);
        var spec = (TableSpec)data.Spec;
        var rows = model.Sample(7, [0, 1, 1, 0, 0, 1, 0], new Rng(2));
        Assert.Equal([7, spec.Width], rows.ShapeArray);
        var v = rows.ToArray();
        foreach (var b in spec.Blocks)
            for (var i = 0; i < 7; i++)
            {
                var block = v.AsSpan(i * spec.Width + b.Offset, b.Width);
                if (b.Activation == BlockActivation.Tanh) Assert.InRange(block[0], -1f, 1f);
                else Assert.Equal(1f, block.ToArray().Sum(), 4);
            }
    }

    [Fact]
    public void TheCriticScoresPacksOfPacRows()
    {
        var data = TableToys.Mixed();
        var model = TableToys.Model(data);
        var critic = (TableCritic)model.Networks().Single(n => n.Name == "discriminator").Module;
        var rowWidth = data.Spec.Size + data.Spec.ClassCount + model.Vector.Width;
        var rows = Tensor.Arange(0, 8 * rowWidth).Reshape(8, rowWidth);
        var packs = critic.Pack(rows);
        Assert.Equal([2, 4 * rowWidth], packs.ShapeArray);
        Assert.Equal(rows.ToArray(), packs.ToArray());
        Assert.Equal([2, 1], critic.Call(packs).ShapeArray);
    }

    [Fact]
    public void ABatchThatIsNotAMultipleOfPacIsAOneLineErrorBeforeTraining()
    {
        var data = TableToys.Mixed();
        var e = Assert.Throws<ArgumentException>(() => new GanTrainer(TableToys.Model(data), data, TableToys.Quick(batch: 10), null));
        Assert.Contains("batch size 10 is not a multiple of pac 4", e.Message);
        Assert.Contains("--batch-size 8 or 12", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void ConditionPenaltyIsTheCrossEntropyOfConditionedRowsOverAllRows()
    {
        var data = TableToys.Mixed();
        var vector = TableToys.Model(data).Vector;
        var colour = Assert.Single(vector.Slots);
        Assert.Equal(3, colour.Width);
        var logits = Tensor.Zeros(3, data.Spec.Size);
        var l = logits.AsSpan();
        for (var k = 0; k < 3; k++) l[colour.RowOffset + k] = k + 1;
        // Row 0 asks category 0 of logits (1, 2, 3): log(e + e² + e³) − 1 = 2.4076059644;
        // row 1 asks nothing; row 2 asks category 2 of (0, 0, 0): log 3 = 1.0986122887.
        var penalty = vector.Penalty(logits, [colour.VectorOffset, -1, colour.VectorOffset + 2]);
        Assert.Equal((2.4076059644 + 1.0986122887) / 3, penalty.Item(), 5);
    }

    [Fact]
    public void TrainingBySamplingPairsEachConditionWithARealRowThatMeetsIt()
    {
        var data = TableToys.Mixed();
        var vector = TableToys.Model(data).Vector;
        var real = data.Batch([.. Enumerable.Range(0, data.Count)], Data.Writers.PixelRange.MinusOneToOne, 0);
        var draw = vector.Draw(real, 2000, new Rng(4));
        var colour = vector.Slots[0];
        var x = real.X.ToArray();
        var width = data.Spec.Size;
        for (var i = 0; i < draw.Count; i++)
        {
            Assert.Equal(real.Labels![draw.Rows[i]], draw.Labels[i]);
            if (draw.Options[i] >= 0) Assert.Equal(1f, x[draw.Rows[i] * width + colour.RowOffset + draw.Options[i] - colour.VectorOffset]);
        }
        // Classes drawn by log-frequency: "bad" is 8 of 40 rows but log 9 / (log 9 + log 33) = 39 % of draws.
        var bad = data.Spec.ClassNames.ToList().IndexOf("bad");
        var classDraws = Enumerable.Range(0, draw.Count).Where(i => draw.Options[i] < 0).ToList();
        Assert.InRange(classDraws.Count(i => draw.Labels[i] == bad) / (double)classDraws.Count, 0.34, 0.44);
    }

    [Fact]
    public void ExactConditionalSamplingGivesTheAskedClassAndCount()
    {
        var data = TableToys.Mixed();
        var model = TableToys.Model(data);
        new GanTrainer(model, data, TableToys.Quick(), null).Run();
        var spec = (TableSpec)model.Spec;
        var bad = spec.ClassNames.ToList().IndexOf("bad");
        var labels = Enumerable.Repeat(bad, 25).ToArray();
        var rows = TableData.Decode(spec, model.Sample(25, labels, new Rng(3)).AsSpan(), labels);
        Assert.Equal(25, rows.RowCount);
        Assert.All(Enumerable.Range(0, 25), i => Assert.Equal("bad", ((CategoricalColumn)rows["label"])[i]));
    }

    [Theory]
    [InlineData("softmax")]
    [InlineData("gumbel-softmax")]
    public void EverySampledCategoryIsACategoryOfTheColumn(string softmax)
    {
        var data = TableToys.Mixed();
        var model = TableToys.Model(data, TableGanOptions.Schema.Set(TableToys.Small, "softmax", softmax));
        new GanTrainer(model, data, TableToys.Quick(), null).Run();
        var labels = Enumerable.Range(0, 200).Select(i => i % 2).ToArray();
        var rows = TableData.Decode((TableSpec)model.Spec, model.Sample(200, labels, new Rng(5)).AsSpan(), labels);
        var colour = (CategoricalColumn)rows["colour"];
        Assert.All(Enumerable.Range(0, 200), i => Assert.Contains(colour[i], new[] { "red", "green", "blue" }));
        Assert.True(colour.CategoryCounts().Count(c => c > 0) >= 2, "samples of one category only");
    }

    [Fact]
    public void WhereGivesEveryRowTheAskedCategoryAndUnknownNamesAreOneLineErrors()
    {
        var data = TableToys.Mixed();
        var model = TableToys.Model(data);
        var spec = (TableSpec)model.Spec;
        var labels = new int[30];
        var rows = TableData.Decode(spec, model.Sample(30, labels, [("colour", "blue")], new Rng(6)).AsSpan(), labels);
        Assert.All(Enumerable.Range(0, 30), i => Assert.Equal("blue", ((CategoricalColumn)rows["colour"])[i]));
        Assert.Contains("discrete columns: colour", Assert.Throws<ArgumentException>(() => model.Sample(3, null, [("size", "1")], new Rng(1))).Message);
        Assert.Contains("its categories:", Assert.Throws<ArgumentException>(() => model.Sample(3, null, [("colour", "pink")], new Rng(1))).Message);
    }

    [Theory]
    [InlineData("table-wgan-gp", new[] { "d", "wasserstein", "gp", "g", "g_adv", "g_cond" })]
    [InlineData("table-gan", new[] { "d_real", "d_fake", "g", "g_adv", "g_cond" })]
    public void BothLossesTrainWithFiniteNamedLossesAndTheCriticSeesFakesWithTheirClasses(string name, string[] names)
    {
        var data = TableToys.Mixed();
        var small = new Dictionary<string, string> { ["latent-dim"] = "16", ["generator-width"] = "32", ["critic-width"] = "32", ["pac"] = "4" };
        var model = GanZoo.Create(name, data.Spec, small, new Rng(1));
        var losses = new List<StepLosses>();
        using var audit = ConditionAudit.Start();
        new GanTrainer(model, data, TableToys.Quick(), null, [new ZooSmokeTests.Collect(losses)]).Run();
        Assert.Equal(names, losses[0].Values.Select(p => p.Key));
        Assert.All(losses.SelectMany(l => l.Values), p => Assert.True(float.IsFinite(p.Value), $"{p.Key} = {p.Value}"));
        Assert.Equal(2 * losses.Count, audit.Judgements.Count);
        Assert.All(audit.Judgements, j => Assert.Equal(j.Made, j.Judged));
    }

    [Fact]
    public void DefaultsAreCtganDefaults()
    {
        var o = new TableGanOptions();
        Assert.Equal((128, 256, 2, 256, 2, 0.5f, 10, 1, 10f), (o.LatentDim, o.GeneratorWidth, o.GeneratorDepth, o.CriticWidth, o.CriticDepth, o.Dropout, o.Pac, o.CriticSteps, o.Lambda));
        Assert.Equal((2e-4, 0.5, 0.9, 1e-6), (o.Adam.LearningRate, o.Adam.Beta1, o.Adam.Beta2, o.WeightDecay));
        Assert.Equal(TableSoftmax.Softmax, o.Softmax);
        Assert.Contains("lambda", TableWganGp.Entry.Options.Select(x => x.Name));
        Assert.DoesNotContain("lambda", TableWganGp.GanEntry.Options.Select(x => x.Name));
        Assert.Equal([Modality.Table], GanZoo.Find("table-gan").Modalities);
    }

    [Theory]
    [InlineData("table-wgan-gp")]
    [InlineData("table-gan")]
    public void InterruptedMidEpochAndResumedEqualsUninterrupted(string name)
    {
        var data = TableToys.Mixed();
        var options = TableToys.Small with { Loss = name == "table-gan" ? TableGanLoss.NonSaturating : TableGanLoss.Wasserstein, Softmax = TableSoftmax.GumbelSoftmax };
        var quick = TableToys.Quick() with { CheckpointEvery = 1 };
        using var dir = new TempDir();
        var straight = TableToys.Model(data, options, seed: 13);
        var straightLosses = new List<StepLosses>();
        new GanTrainer(straight, data, quick, new RunDirectory(dir.File("a")), [new ZooSmokeTests.Collect(straightLosses)]).Run();

        var run = new RunDirectory(dir.File("b"));
        var losses = new List<StepLosses>();
        using var cancel = new CancellationTokenSource();
        var first = TableToys.Model(data, options, seed: 13);
        Assert.True(new GanTrainer(first, data, quick, run, [new ZooSmokeTests.Collect(losses), new CancelAfter(4, cancel)]).Run(cancel: cancel.Token).Cancelled);
        var second = TableToys.Model(data, options, seed: 99);
        var position = RunDirectory.Restore(second, run.LastCheckpoint);
        Assert.Equal(new TrainingPosition(1, 1, 4), position);
        new GanTrainer(second, data, quick, run, [new ZooSmokeTests.Collect(losses)]).Run(position);

        Assert.Equal(straightLosses.SelectMany(l => l.Values), losses.SelectMany(l => l.Values));
        Weights.AssertSame(straight, second);
        Assert.Equal(straight.Sample(5, [0, 1, 0, 1, 1], new Rng(8)).ToArray(), second.Sample(5, [0, 1, 0, 1, 1], new Rng(8)).ToArray());
    }

    private sealed class CancelAfter(int steps, CancellationTokenSource cancel) : ITrainingObserver
    {
        private int _seen;

        public void OnStep(StepReport report)
        {
            if (++_seen == steps) cancel.Cancel();
        }
    }
}
