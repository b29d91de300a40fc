using System.Diagnostics;
using System.Globalization;
using GanAugment.Data.Images;
using GanAugment.Data.Imbalance;
using GanAugment.Data.Writers;
using GanAugment.Evaluation.Augmentation;
using GanAugment.Evaluation.Metrics;
using GanAugment.Evaluation.Sharding;
using GanAugment.Gans;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Imbalance;

/// <summary>
/// Runs an <see cref="ImbalanceExperiment"/>: per seed, the imbalanced training set, the
/// generators (trained once, or per seed with <see cref="ImbalanceExperiment.RetrainGenerators"/>),
/// a training set per method (the target classes brought up to the largest other class), the
/// classifier, and its scores on the real test set. Generators go to
/// <c>&lt;output&gt;/generators/</c>, a grid of each method's synthetic minority images to
/// <c>&lt;output&gt;/synthetic_&lt;method&gt;.png</c>.
/// The unconditional GAN trains on a minority class alone; its epochs are scaled so that it gets as
/// many updates as a generator trained for the same epochs on the whole imbalanced set.
/// Progress arrives at an <see cref="IProtocolProgress"/>: a stage per generator and per
/// classifier, and the detail (counts, the GANs' per-epoch losses) apart.
/// With a <see cref="Shard"/> it runs only that shard's classifiers (the units are the methods at
/// each seed, method by method, so a generator is mostly trained in one shard) and the results
/// hold those alone; <see cref="ImbalancePartial"/> writes and merges them.
/// </summary>
public sealed class ImbalanceProtocol(ImbalanceExperiment experiment, string output, IProtocolProgress? progress = null, Shard? shard = null)
{
    /// <summary>A protocol that writes its stages and detail alike as lines to <paramref name="log"/>.</summary>
    public ImbalanceProtocol(ImbalanceExperiment experiment, string output, Action<string> log) : this(experiment, output, new LineProgress(log)) { }

    private const int GridColumns = 10;
    private readonly Dictionary<(ImbalanceMethod, ulong), ISyntheticSource> _sources = [];
    private readonly List<string> _generatorFolders = [];
    private readonly List<string> _grids = [];

    public ImbalanceResults Run(ImageDatasetSplit data, string dataName, CancellationToken cancel = default)
    {
        experiment.Validate();
        foreach (var c in experiment.TargetClasses)
            if (c < 0 || c >= data.Train.ClassCount)
                throw new ArgumentException($"target class {c} does not exist; the data set has classes 0..{data.Train.ClassCount - 1}");
        Directory.CreateDirectory(output);
        var runs = new List<ImbalanceRun>();
        var units = experiment.Methods.SelectMany(m => Enumerable.Range(0, experiment.Seeds).Select(k => (Method: m, Seed: k))).ToList();
        var mine = (shard ?? Shard.Whole).Take(units).ToHashSet();
        var firstCounts = ImbalancedSubset.KeepFraction(data.Train, [.. experiment.TargetClasses], experiment.Keep, (long)experiment.Seed).ClassCounts();
        for (var k = 0; k < experiment.Seeds; k++)
        {
            if (!experiment.Methods.Any(m => mine.Contains((m, k)))) continue;
            var seed = experiment.Seed + (ulong)k;
            var dataSeed = experiment.RetrainGenerators ? seed : experiment.Seed;
            var imbalanced = ImbalancedSubset.KeepFraction(data.Train, [.. experiment.TargetClasses], experiment.Keep, (long)dataSeed);
            progress?.Detail($"seed {k + 1}/{experiment.Seeds}: training set of {imbalanced.Count} images, per class {string.Join(" ", imbalanced.ClassCounts())}");
            var extra = new AugmentTarget { Mode = AugmentMode.Count, Count = LargestOther(imbalanced.ClassCounts()), Classes = experiment.TargetClasses }
                .Plan(imbalanced.ClassCounts());
            foreach (var method in experiment.Methods.Where(m => mine.Contains((m, k))))
            {
                cancel.ThrowIfCancellationRequested();
                var clock = Stopwatch.StartNew();
                var train = method == ImbalanceMethod.Plain ? imbalanced : Augment(method, imbalanced, extra, dataName, dataSeed, seed, k, cancel);
                var stage = new ProtocolStage("classifier", k + 1, experiment.Seeds, method.Label());
                progress?.StageStarted(stage);
                var classifier = ImbalanceClassifier.Train(train, experiment.Classifier, seed, cancel);
                var report = ClassificationReport.Compute(data.Test.Labels, classifier.Predict(data.Test), data.Test.ClassCount);
                var run = new ImbalanceRun(method, k, report, experiment.TargetClasses, clock.Elapsed.TotalSeconds);
                runs.Add(run);
                progress?.StageEnded(stage, string.Create(CultureInfo.InvariantCulture,
                    $"minority recall {run.MinorityRecall:F4}, precision {run.MinorityPrecision:F4}, balanced accuracy {report.BalancedAccuracy:F4}, accuracy {report.Accuracy:F4} ({run.Seconds:F0} s)"));
            }
        }
        return new ImbalanceResults(experiment, dataName, data.Train.ClassNames, firstCounts, runs, _generatorFolders, _grids);
    }

    /// <summary>The count the target classes are brought up to: the largest among the other classes.</summary>
    private int LargestOther(int[] counts) =>
        counts.Where((_, c) => !experiment.TargetClasses.Contains(c)).DefaultIfEmpty(counts.Max()).Max();

    private ImageDataset Augment(ImbalanceMethod method, ImageDataset imbalanced, int[] extra, string dataName, ulong dataSeed, ulong seed, int k, CancellationToken cancel)
    {
        var source = Source(method, imbalanced, dataName, dataSeed, k, cancel);
        var rng = new Rng(seed ^ (0x5EED_0000UL + (ulong)method));
        var augmented = Augmenter.Augment(imbalanced, extra, source, rng);
        if (k == 0) WriteGrid(method, augmented);
        return augmented.Data;
    }

    private ISyntheticSource Source(ImbalanceMethod method, ImageDataset imbalanced, string dataName, ulong dataSeed, int k, CancellationToken cancel)
    {
        if (_sources.TryGetValue((method, dataSeed), out var cached)) return cached;
        var tag = string.Join("-", experiment.TargetClasses);
        var folder = Path.Combine(output, "generators", string.Create(CultureInfo.InvariantCulture, $"{method.Label().ToLowerInvariant()}-seed{dataSeed}"));
        ISyntheticSource source = method switch
        {
            ImbalanceMethod.Mirror => new MirrorSource(imbalanced),
            ImbalanceMethod.Smote => new SmoteSource(imbalanced),
            ImbalanceMethod.Gan => new PerClassGanSource(TrainPerClass(imbalanced, dataName, dataSeed, folder, k, cancel)),
            ImbalanceMethod.AcGan => Conditional(method, experiment.AcGan, imbalanced, dataName, dataSeed, folder, tag, k, cancel),
            ImbalanceMethod.Bagan => Conditional(method, experiment.Bagan, imbalanced, dataName, dataSeed, folder, tag, k, cancel),
            _ => throw new ArgumentException($"method {method} adds no images"),
        };
        _sources[(method, dataSeed)] = source;
        return source;
    }

    private GanSource Conditional(ImbalanceMethod method, GeneratorSchedule schedule, ImageDataset imbalanced, string dataName, ulong dataSeed, string folder, string tag, int k, CancellationToken cancel)
    {
        progress?.Detail($"  training {schedule.Model} on the imbalanced set → {folder}");
        var model = TrainGenerator(new ProtocolStage($"train {schedule.Model}", k + 1, experiment.Seeds, method.Label()),
            observers => GeneratorRun.Train(schedule, imbalanced, dataName, schedule.Trainer(dataSeed, imbalanced.Count), folder, tag, progress is null ? null : progress.Detail, cancel, observers));
        _generatorFolders.Add(folder);
        return new GanSource(model, $"{schedule.Model} run {folder}");
    }

    /// <summary>Runs <paramref name="train"/> as a stage, with the stage's observers.</summary>
    private GanModel TrainGenerator(ProtocolStage stage, Func<IReadOnlyList<ITrainingObserver>, GanModel> train)
    {
        stage = stage with { TrainsGenerator = true };
        var clock = Stopwatch.StartNew();
        var model = train(progress?.StageStarted(stage) ?? []);
        progress?.StageEnded(stage, string.Create(CultureInfo.InvariantCulture, $"done in {clock.Elapsed.TotalSeconds:F0} s"));
        return model;
    }

    private Dictionary<int, GanModel> TrainPerClass(ImageDataset imbalanced, string dataName, ulong dataSeed, string folder, int k, CancellationToken cancel)
    {
        var schedule = experiment.Gan;
        var full = schedule.Trainer(dataSeed, imbalanced.Count);
        var stepsFull = Steps(imbalanced.Count, full);
        var models = new Dictionary<int, GanModel>();
        foreach (var c in experiment.TargetClasses)
        {
            var alone = imbalanced.Subset([.. Enumerable.Range(0, imbalanced.Count).Where(i => imbalanced.Labels[i] == c)]);
            var trainer = schedule.Trainer(dataSeed, alone.Count);
            var epochs = (int)Math.Ceiling((double)schedule.Epochs * stepsFull / Steps(alone.Count, trainer));
            trainer = trainer with { Epochs = epochs, SampleEvery = epochs };
            var classFolder = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"class-{c}"));
            progress?.Detail($"  training {schedule.Model} on the {alone.Count} images of class {c} alone for {epochs} epochs → {classFolder}");
            var stage = new ProtocolStage(string.Create(CultureInfo.InvariantCulture, $"train {schedule.Model} on class {c}"), k + 1, experiment.Seeds, ImbalanceMethod.Gan.Label());
            models[c] = TrainGenerator(stage, observers =>
                GeneratorRun.Train(schedule, alone, dataName, trainer, classFolder, c.ToString(CultureInfo.InvariantCulture), progress is null ? null : progress.Detail, cancel, observers));
            _generatorFolders.Add(classFolder);
        }
        return models;
    }

    private static int Steps(int count, TrainerOptions trainer)
    {
        var steps = Math.Max(1, count / trainer.BatchSize);
        return trainer.MaxStepsPerEpoch > 0 ? Math.Min(steps, trainer.MaxStepsPerEpoch) : steps;
    }

    /// <summary>A grid of the first synthetic images of each target class (one row each).</summary>
    private void WriteGrid(ImbalanceMethod method, AugmentedDataset augmented)
    {
        var data = augmented.Data;
        var indices = new List<int>();
        var labels = new List<string>();
        foreach (var c in experiment.TargetClasses)
        {
            var picked = Enumerable.Range(0, data.Count).Where(i => augmented.Synthetic[i] && data.Labels[i] == c).Take(GridColumns).ToList();
            if (picked.Count == 0) continue;
            indices.AddRange(picked);
            indices.AddRange(Enumerable.Repeat(picked[^1], GridColumns - picked.Count));
            labels.Add(data.ClassNames[c]);
        }
        if (indices.Count == 0) return;
        var path = Path.Combine(output, $"synthetic_{method.Label().ToLowerInvariant()}.png");
        ImageGridWriter.Write(path, data, indices, GridColumns, labels, scale: experiment.GridScale);
        _grids.Add(path);
    }
}
