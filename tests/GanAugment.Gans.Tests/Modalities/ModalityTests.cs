using GanAugment.Data.Tables;
using GanAugment.Data.TimeSeries;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Modalities;

/// <summary>
/// A small model of each modality (a table of mixed columns, a sequence set, image pairs) trains
/// through the one trainer, checkpoints, resumes to the bits of an uninterrupted run, and has its
/// samples written back in the input's format.
/// </summary>
public class ModalityTests
{
    private static readonly TrainerOptions Quick = new() { Epochs = 2, BatchSize = 8, MaxStepsPerEpoch = 3, Seed = 13 };

    public static TheoryData<string> Modalities => ["table", "sequences", "pairs"];

    internal static Table MixedTable(int rows = 40)
    {
        var rng = new Random(5);
        var label = new string?[rows];
        var colour = new string?[rows];
        var size = new double[rows];
        var count = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var rare = i % 5 == 0;
            label[i] = rare ? "bad" : "good";
            colour[i] = rare ? "red" : i % 2 == 0 ? "green" : "blue";
            size[i] = (rare ? 10 : 2) + rng.NextDouble();
            count[i] = i % 7;
        }
        return new Table([new NumericColumn("size", size), CategoricalColumn.FromValues("colour", colour), CategoricalColumn.FromValues("label", label), new NumericColumn("count", count)], "label", "toy");
    }

    private static (TrainingData Data, ConditionKind Kind) Build(string modality) => modality switch
    {
        "table" => (new TableData(MixedTable(), "label"), ConditionKind.Labels),
        "sequences" => (new SequenceData(Waves.Generate(24, 3, new WavesOptions { Length = 12 })), ConditionKind.Labels),
        _ => (new ImagePairData(TestData.Digits(3)), ConditionKind.Source),
    };

    [Theory]
    [MemberData(nameof(Modalities))]
    public void InterruptedMidEpochAndResumedEqualsUninterrupted(string modality)
    {
        var (data, kind) = Build(modality);
        using var dir = new TempDir();
        var straight = new FixtureGan(data.Spec, kind, new Rng(13));
        var straightLosses = new List<StepLosses>();
        new GanTrainer(straight, data, Quick, new RunDirectory(dir.File("a")), [new ZooSmokeTests.Collect(straightLosses)]).Run();

        var first = new FixtureGan(data.Spec, kind, new Rng(13));
        var run = new RunDirectory(dir.File("b"));
        var losses = new List<StepLosses>();
        using var cancel = new CancellationTokenSource();
        var outcome = new GanTrainer(first, data, Quick, run, [new ZooSmokeTests.Collect(losses), new CancelAt(4, cancel)]).Run(cancel: cancel.Token);
        Assert.True(outcome.Cancelled);
        var second = new FixtureGan(data.Spec, kind, new Rng(99));
        var position = RunDirectory.Restore(second, run.LastCheckpoint);
        Assert.Equal(new TrainingPosition(1, 1, 4), position);
        new GanTrainer(second, data, Quick, run, [new ZooSmokeTests.Collect(losses)]).Run(position);

        Assert.Equal(straightLosses.SelectMany(l => l.Values), losses.SelectMany(l => l.Values));
        Weights.AssertSame(straight, second);
    }

    [Fact]
    public void TableSamplesGoBackToTheInputColumnsAndTheAskedClass()
    {
        var table = MixedTable();
        var data = new TableData(table, "label");
        var model = new FixtureGan(data.Spec, ConditionKind.Labels, new Rng(2));
        new GanTrainer(model, data, Quick, null).Run();
        var spec = (TableSpec)model.Spec;
        var labels = Enumerable.Repeat(spec.ClassNames.ToList().IndexOf("bad"), 30).ToArray();
        var rows = TableData.Decode(spec, model.Sample(30, labels, new Rng(3)).AsSpan(), labels);
        using var dir = new TempDir();
        foreach (var file in new[] { "rows.csv", "rows.arff" })
        {
            TableData.Write(spec, rows, dir.File(file));
            var back = file.EndsWith("csv") ? CsvTableReader.Read(dir.File(file)) : ArffReader.Read(dir.File(file));
            Assert.Equal(["size", "colour", "label", "count"], back.Columns.Select(c => c.Name));
            Assert.Equal(30, back.RowCount);
            Assert.All(Enumerable.Range(0, 30), i => Assert.Equal("bad", ((CategoricalColumn)back["label"])[i]));
            Assert.All(Enumerable.Range(0, 30), i => Assert.Contains(((CategoricalColumn)back["colour"])[i], new[] { "red", "green", "blue" }));
            Assert.All(((NumericColumn)back["count"]).Values, v => Assert.Equal(Math.Round(v), v));
        }
    }

    [Fact]
    public void SequenceSamplesGoBackToTheInputUnitsAndCsv()
    {
        var waves = Waves.Generate(24, 3, new WavesOptions { Length = 12 });
        var data = new SequenceData(waves);
        var model = new FixtureGan(data.Spec, ConditionKind.Labels, new Rng(2));
        new GanTrainer(model, data, Quick, null).Run();
        var spec = (SequenceSpec)model.Spec;
        var labels = new[] { 0, 1, 1, 0 };
        var series = SequenceData.Decode(spec, model.Sample(4, labels, new Rng(3)).AsSpan(), labels, model.Range);
        var (low, high) = (waves.Values.Min(), waves.Values.Max());
        Assert.All(series.Values, v => Assert.InRange(v, low - 1e-4f, high + 1e-4f));
        using var dir = new TempDir();
        SequenceData.Write(spec, series, dir.File("s.csv"));
        var back = SequenceCsvReader.ReadLong(dir.File("s.csv"), new LongSequenceCsvOptions { IdColumn = "id", TimeColumn = "time", LabelColumn = "label" });
        Assert.Equal((4, 12, 1), (back.Count, back.Length, back.Features));
        Assert.Equal(labels.Select(y => spec.ClassNames[y]), back.Labels!.Select(y => back.ClassNames[y]));
    }

    [Fact]
    public void PairsNeverPairAnImageWithItselfOrAcrossClasses()
    {
        var images = TestData.Digits(3);
        var pairs = new ImagePairData(images);
        var rng = new Rng(1);
        for (var i = 0; i < images.Count; i++)
            for (var k = 0; k < 20; k++)
            {
                var partner = pairs.Partner(i, rng);
                Assert.NotEqual(i, partner);
                Assert.Equal(images.Labels[i], images.Labels[partner]);
            }
        var model = new FixtureGan(pairs.Spec, ConditionKind.Source, new Rng(2));
        var batch = pairs.Batch([0, 1, 2], model.Range, 5);
        Assert.Equal([3, 1, 28, 28], model.Sample(3, new Rng(1), Condition.OfSource(batch.Source!)).ShapeArray);
        Assert.Contains("source", Assert.Throws<ArgumentException>(() => model.Sample(3, null, new Rng(1))).Message);
    }

    private sealed class CancelAt(int steps, CancellationTokenSource cancel) : ITrainingObserver
    {
        private int _seen;

        public void OnStep(StepReport report)
        {
            if (++_seen == steps) cancel.Cancel();
        }
    }
}

public class ModalityObserverTests
{
    [Theory]
    [InlineData("table")]
    [InlineData("sequences")]
    [InlineData("pairs")]
    public void EachModalityShowsItsSamplesEveryEpoch(string modality)
    {
        TrainingData data = modality switch
        {
            "table" => new TableData(ModalityTests.MixedTable(), "label"),
            "sequences" => new SequenceData(Waves.Generate(24, 3, new WavesOptions { Length = 12 })),
            _ => new ImagePairData(TestData.Digits(3)),
        };
        var model = new FixtureGan(data.Spec, modality == "pairs" ? ConditionKind.Source : ConditionKind.Labels, new Rng(1));
        using var dir = new TempDir();
        var run = new RunDirectory(dir.Path);
        var observer = data.SampleObserver(run, every: 1);
        new GanTrainer(model, data, new TrainerOptions { Epochs = 2, BatchSize = 8, MaxStepsPerEpoch = 2, Seed = 1 }, run, [observer]).Run();
        var expected = modality == "table" ? new[] { "epoch-001.csv", "epoch-001-columns.png", "epoch-002.csv", "epoch-002-columns.png" } : ["epoch-001.png", "epoch-002.png"];
        Assert.Equal(expected.Select(f => Path.Combine(run.SamplesDir, f)), observer.Written);
        Assert.All(observer.Written, f => Assert.True(new FileInfo(f).Length > 100, f));
        if (modality == "table") Assert.Equal(["size", "colour", "label", "count"], CsvTableReader.Read(observer.Written[0]).Columns.Select(c => c.Name));
    }
}
