using GanAugment.Data.Images;
using GanAugment.Evaluation.Classifiers;
using GanAugment.Evaluation.Metrics;
using GanAugment.Gans;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Generators;

/// <summary>How many samples to judge and with which noise.</summary>
public sealed record GeneratorEvaluationOptions
{
    /// <summary>Samples per class (for an unconditional model: this many times the number of classes in all).</summary>
    public int CountPerClass { get; init; } = 1000;

    public ulong Seed { get; init; }

    public int BatchSize { get; init; } = GeneratedImages.DefaultBatchSize;
}

/// <summary>
/// Judges a generator with a <see cref="DomainClassifier"/> of its data: CountPerClass samples of
/// every class (cycling labels; unconditional models just make that many), their per-class
/// accuracy (conditional models), their <see cref="ClassifierScore"/> and the
/// <see cref="FrechetDistance"/> of their penultimate features to those of the real test set.
/// </summary>
public static class GeneratorEvaluator
{
    public static GeneratorReport Evaluate(GanModel model, DomainClassifier classifier, ImageDataset realTest, string dataName, GeneratorEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(realTest);
        var spec = model.Spec as ImageSpec ?? throw new ArgumentException($"the classifier judges images; model '{model.Name}' makes {ModelEntry.Describe(model.Spec.Modality)}");
        if (spec.Channels != classifier.Channels || spec.Height != classifier.Height || spec.Width != classifier.Width)
            throw new ArgumentException($"the model makes {spec.Channels}x{spec.Height}x{spec.Width} images, the classifier reads {classifier.Channels}x{classifier.Height}x{classifier.Width}");
        if (spec.ClassCount != classifier.ClassCount)
            throw new ArgumentException($"the model knows {spec.ClassCount} classes, the classifier {classifier.ClassCount}");
        if (options.CountPerClass < 1) throw new ArgumentOutOfRangeException(nameof(options), $"count per class must be at least 1, got {options.CountPerClass}");

        var classes = classifier.ClassCount;
        var labels = GeneratedImages.CyclingLabels(options.CountPerClass * classes, classes);
        var pixels = GeneratedImages.Sample(model, labels, new Rng(options.Seed), options.BatchSize);
        var fake = classifier.Run(pixels, labels.Length);
        var real = classifier.Run(realTest.Pixels, realTest.Count);

        var perClass = new List<ClassAccuracy>();
        double? mean = null;
        if (model.TakesLabels)
        {
            var report = ClassificationReport.Compute(labels, fake.Predictions, classes);
            var realReport = ClassificationReport.Compute(realTest.Labels, real.Predictions, classes);
            for (var k = 0; k < classes; k++)
                perClass.Add(new ClassAccuracy(k, spec.ClassNames[k], report.Support[k], report.Recall[k], realReport.Recall[k]));
            mean = perClass.Average(c => c.Accuracy);
        }
        var features = DomainClassifier.FeatureCount;
        return new GeneratorReport(
            model.Name, dataName, model.TakesLabels, fake.Count, real.Count, classifier.TestAccuracy, perClass, mean,
            ClassifierScore.Compute(fake.Probabilities, fake.Count, classes),
            ClassifierScore.Compute(real.Probabilities, real.Count, classes),
            FrechetDistance.Compute(real.Features, real.Count, fake.Features, fake.Count, features));
    }
}
