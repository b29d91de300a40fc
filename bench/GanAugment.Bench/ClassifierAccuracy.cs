using System.Diagnostics;
using System.Globalization;
using GanAugment.Data;
using GanAugment.Data.Catalogue;
using GanAugment.Data.Images;
using GanAugment.Evaluation.Imbalance;
using GanAugment.Evaluation.Metrics;
using GanAugment.Tensors.Kernels;

namespace GanAugment.Bench;

/// <summary>
/// <c>--classifier DATA</c>: trains the imbalance protocol's classifier (the default
/// <see cref="ClassifierOptions"/> unless <c>--width</c>, <c>--hidden</c> or <c>--epochs</c> are
/// given; seed 0) on a catalogue data set's whole training part and prints its accuracy on the
/// test part (and on <c>--also-test</c>'s) with the wall and CPU time of training and of scoring. The accuracy goals of the evaluation classifier (98 % on MNIST from
/// mnist-small, 90 % on Fashion-MNIST) are checked with it, never by a timed test.
/// </summary>
public static class ClassifierAccuracy
{
    public static int Run(string data, string? alsoTest, ClassifierOptions options, TextWriter output, TextWriter error)
    {
        ImageDatasetSplit split;
        ImageDataset? extra = null;
        try
        {
            var catalogue = DatasetCatalogue.CreateBuiltIn();
            split = catalogue.Load(new DatasetRequest(data) { AllowDownload = false });
            if (alsoTest is not null)
            {
                extra = catalogue.Load(new DatasetRequest(alsoTest) { AllowDownload = false }).Test;
                if (extra.ClassCount != split.Train.ClassCount || extra.ImageSize != split.Train.ImageSize)
                {
                    throw new DataFormatException($"--also-test {alsoTest} has {extra.ClassCount} classes of {extra.Channels}x{extra.Height}x{extra.Width}, not those of {data}");
                }
            }
        }
        catch (Exception ex) when (ex is DatasetNotFoundException or DataFormatException or IOException)
        {
            error.WriteLine($"GanAugment.Bench: {ex.Message}");
            return 1;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"classifier {options} on {data}: {split.Train.Count} training images, {EngineThreads.Count} threads"));
        var clock = Stopwatch.StartNew();
        var cpu = ProcessCpuClock.Milliseconds();
        var classifier = ImbalanceClassifier.Train(split.Train, options, seed: 0);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained in {clock.Elapsed.TotalSeconds:F1} s wall, {(ProcessCpuClock.Milliseconds() - cpu) / 1000:F1} s CPU"));
        Score(classifier, split.Test, $"{data} test", output);
        if (extra is not null)
        {
            Score(classifier, extra, $"{alsoTest} test", output);
        }

        return 0;
    }

    private static void Score(ImbalanceClassifier classifier, ImageDataset test, string name, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var report = ClassificationReport.Compute(test.Labels, classifier.Predict(test), test.ClassCount);
        var lowest = Enumerable.Range(0, test.ClassCount).MinBy(c => report.Recall[c]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: accuracy {100 * report.Accuracy:F2} % of {test.Count} images, lowest class recall {100 * report.Recall[lowest]:F2} % ({test.ClassNames[lowest]}), scored in {clock.Elapsed.TotalSeconds:F1} s"));
    }
}
