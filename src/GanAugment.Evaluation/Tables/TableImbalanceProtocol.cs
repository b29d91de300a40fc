using System.Diagnostics;
using System.Globalization;
using GanAugment.Data.Tables;
using GanAugment.Evaluation.Augmentation;
using GanAugment.Evaluation.Metrics;
using GanAugment.Gans;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

using GanAugment.Evaluation.Sharding;

namespace GanAugment.Evaluation.Tables;

/// <summary>
/// The imbalance protocol for a table with its natural imbalance: nothing is cut; every class
/// below the largest is raised to the largest's count by each method, the same ML.NET classifier
/// is trained on each rebalanced set over <see cref="Seeds"/> seeds and scored on the real test
/// rows, per class. Methods: <c>plain</c> (the table as it is), <c>oversample</c> (random
/// oversampling), <c>smote-nc</c>, and any conditional table model of the zoo by name
/// (<c>table-gan</c>, <c>table-wgan-gp</c>), trained once on the training table.
/// </summary>
public sealed record TableImbalanceExperiment
{
    public const string Plain = "plain";
    public const string Oversample = "oversample";
    public const string SmoteNc = "smote-nc";

    public required string Target { get; init; }

    public IReadOnlyList<string> Methods { get; init; } = [Plain, Oversample, SmoteNc, "table-gan", "table-wgan-gp"];

    public int Seeds { get; init; } = 5;

    /// <summary>The first seed: seed k is Seed + k; the generators are trained once with Seed.</summary>
    public ulong Seed { get; init; }

    public TableLearner Learner { get; init; } = TableLearner.GradientBoostedTrees;

    public int GeneratorEpochs { get; init; } = 300;

    /// <summary>Rows per generator step (lowered to the table's rows; a packed critic needs a multiple of its pac).</summary>
    public int GeneratorBatchSize { get; init; } = 100;

    /// <summary>Option overrides of each generator, by model name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> GeneratorOptions { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    public void Validate()
    {
        if (Seeds < 1) throw new ArgumentException($"the protocol needs at least one seed, got {Seeds}");
        if (Methods.Count == 0) throw new ArgumentException("the protocol needs at least one method");
        if (GeneratorEpochs < 1 || GeneratorBatchSize < 1) throw new ArgumentException("generator epochs and batch size must be positive");
        foreach (var m in Methods.Where(m => m is not (Plain or Oversample or SmoteNc)))
            if (GanZoo.TryFind(m) is not { } entry || !entry.Modalities.Contains(Modality.Table))
                throw new ArgumentException($"unknown method '{m}'; methods: plain, oversample, smote-nc, or a table model ({string.Join(", ", GanZoo.Models.Where(e => e.Modalities.Contains(Modality.Table)).Select(e => e.Name))})");
    }

    /// <summary>The name a report prints for a method.</summary>
    public static string Label(string method) => method switch
    {
        Plain => "Plain",
        Oversample => "Oversample",
        SmoteNc => "SMOTE-NC",
        _ => method,
    };
}

/// <summary>One classifier of the table protocol: a method at a seed, scored on the real test rows.</summary>
public sealed record TableImbalanceRun(string Method, int Seed, ClassificationReport Report, double Seconds);

/// <summary>What the table protocol measured.</summary>
public sealed record TableImbalanceResults(TableImbalanceExperiment Experiment, string DataName, IReadOnlyList<string> ClassNames,
    IReadOnlyList<int> TrainCounts, IReadOnlyList<int> Minority, IReadOnlyList<TableImbalanceRun> Runs);

/// <summary>
/// Runs a <see cref="TableImbalanceExperiment"/>, or with a <see cref="Shard"/> that shard's
/// classifiers alone (units: the methods at each seed, method by method).
/// </summary>
public sealed class TableImbalanceProtocol(TableImbalanceExperiment experiment, Action<string>? log = null, Shard? shard = null)
{
    public TableImbalanceResults Run(Table train, Table test, string dataName, CancellationToken cancel = default)
    {
        experiment.Validate();
        var target = experiment.Target;
        var classes = ClassLabels.Of(train, target);
        test = TableFile.Align(test, train, "test");
        var trainY = classes.Of(train, target, "training");
        var testY = classes.Of(test, target, "test");
        var counts = Enumerable.Range(0, classes.Count).Select(c => trainY.Count(y => y == c)).ToArray();
        foreach (var (n, c) in counts.Select((n, c) => (n, c)))
            if (n == 0) throw new ArgumentException($"class '{classes.Names[c]}' of '{target}' has no training rows");
        var extra = new AugmentTarget { Mode = AugmentMode.Balance }.Plan(counts);
        var minority = Enumerable.Range(0, classes.Count).Where(c => extra[c] > 0).ToArray();
        log?.Invoke($"training rows per class: {string.Join(", ", classes.Names.Select((n, c) => $"{n} {counts[c]}"))}; raising {string.Join(", ", minority.Select(c => $"{classes.Names[c]} by {extra[c]}"))}");
        var features = TableFeatures.Fit(train, target);
        var testX = features.Transform(test);
        var sources = new Dictionary<string, ITableSource>();
        var runs = new List<TableImbalanceRun>();
        var units = experiment.Methods.SelectMany(m => Enumerable.Range(0, experiment.Seeds).Select(k => (Method: m, Seed: k))).ToList();
        var mine = (shard ?? Shard.Whole).Take(units).ToHashSet();
        for (var k = 0; k < experiment.Seeds; k++)
        {
            var seed = experiment.Seed + (ulong)k;
            foreach (var method in experiment.Methods.Where(m => mine.Contains((m, k))))
            {
                cancel.ThrowIfCancellationRequested();
                var clock = Stopwatch.StartNew();
                var set = train;
                if (method != TableImbalanceExperiment.Plain)
                {
                    if (!sources.TryGetValue(method, out var source)) sources[method] = source = Source(method, train, cancel);
                    var rng = new Rng(seed ^ (0x7AB1_0000UL + (ulong)experiment.Methods.ToList().IndexOf(method)));
                    set = minority.Aggregate(train, (rows, c) => TableRows.Append(rows, TableFile.Align(source.Generate(classes.Names[c], extra[c], rng), train, "added")));
                }
                var classifier = TableClassifier.Train(experiment.Learner, features.Transform(set), classes.Of(set, target, "rebalanced"), classes.Count, (int)(seed % int.MaxValue));
                var report = ClassificationReport.Compute(testY, classifier.Predict(testX), classes.Count);
                runs.Add(new TableImbalanceRun(method, k, report, clock.Elapsed.TotalSeconds));
                log?.Invoke(string.Create(CultureInfo.InvariantCulture,
                    $"  {TableImbalanceExperiment.Label(method),-14} seed {k + 1}: minority recall {string.Join(" ", minority.Select(c => $"{classes.Names[c]}={report.Recall[c]:F4}"))}, balanced accuracy {report.BalancedAccuracy:F4} ({clock.Elapsed.TotalSeconds:F1} s)"));
            }
        }
        return new TableImbalanceResults(experiment, dataName, classes.Names, counts, minority, runs);
    }

    private ITableSource Source(string method, Table train, CancellationToken cancel)
    {
        var target = experiment.Target;
        if (method == TableImbalanceExperiment.Oversample) return new RandomOversampling(train, target);
        if (method == TableImbalanceExperiment.SmoteNc) return new SmoteNcSource(train, target);
        var data = new TableData(train, target);
        var options = experiment.GeneratorOptions.GetValueOrDefault(method) ?? new Dictionary<string, string>();
        var model = GanZoo.Create(method, data.Spec, options, new Rng(experiment.Seed));
        if (!model.TakesLabels) throw new ArgumentException($"{method} is not conditional on the class; the protocol samples rows of a given class");
        // NOTE: the model checks the batch itself (a packed critic needs a multiple of its pac) before training starts.
        var batch = Math.Min(experiment.GeneratorBatchSize, train.RowCount);
        var trainer = new TrainerOptions { Epochs = experiment.GeneratorEpochs, BatchSize = batch, Seed = experiment.Seed, SampleEvery = 0, CheckpointEvery = 0 };
        log?.Invoke($"  training {method} on {train.RowCount} rows: {trainer.Epochs} epochs of batch {batch}");
        var clock = Stopwatch.StartNew();
        var outcome = new GanTrainer(model, data, trainer, null, []).Run(cancel: cancel);
        if (outcome.Cancelled) throw new OperationCanceledException(cancel);
        log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"  {method}: {outcome.StepsDone} steps in {clock.Elapsed.TotalSeconds:F0} s"));
        return new TableModelSource(model);
    }
}
