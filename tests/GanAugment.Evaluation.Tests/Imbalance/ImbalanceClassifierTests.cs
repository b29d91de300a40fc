using GanAugment.Evaluation.Imbalance;
using GanAugment.Evaluation.Metrics;

namespace GanAugment.Evaluation.Tests.Imbalance;

public class ImbalanceClassifierTests
{
    /// <summary>A small slice and budget: 500 digits, 3 epochs of 15 steps, width 8 (a few seconds).</summary>
    private static readonly ClassifierOptions Small = new() { Width = 8, Hidden = 32, Epochs = 3, BatchSize = 32 };

    [Fact]
    public void The_defaults_are_the_batch_normalised_cnn_with_shifts_and_a_cosine_schedule()
    {
        var o = new ClassifierOptions();
        Assert.Equal((8, 128, 3, 64, 2e-3, 2), (o.Width, o.Hidden, o.Epochs, o.BatchSize, o.LearningRate, o.MaxShift));
        Assert.Equal(2e-3, o.LearningRateAt(0, 100), 12);
        Assert.Equal(1e-3, o.LearningRateAt(50, 100), 12);
        Assert.Equal(2e-3 * (1 + Math.Cos(Math.PI / 4)) / 2, o.LearningRateAt(25, 100), 12);
        Assert.Equal(0, o.LearningRateAt(100, 100), 12);
    }

    [Fact]
    public void A_short_seeded_training_on_a_small_slice_reads_most_test_digits()
    {
        var data = ImbalanceTestData.Digits(train: 50, test: 50);
        var classifier = ImbalanceClassifier.Train(data.Train, Small, seed: 3);
        var accuracy = ClassificationReport.Compute(data.Test.Labels, classifier.Predict(data.Test), data.Test.ClassCount).Accuracy;
        // NOTE: 0.584 here; the classifier before batch norm, the cosine schedule and the shifts
        // (three convolutions, Adam 1e-3 constant) read 0.384 of these digits at the same budget.
        Assert.True(accuracy > 0.5, $"accuracy {accuracy:F4}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_predictions_and_another_seed_other_predictions()
    {
        var data = ImbalanceTestData.Digits(train: 20, test: 30);
        var options = Small with { Epochs = 1 };
        var a = ImbalanceClassifier.Train(data.Train, options, seed: 7).Predict(data.Test);
        var b = ImbalanceClassifier.Train(data.Train, options, seed: 7).Predict(data.Test);
        var c = ImbalanceClassifier.Train(data.Train, options, seed: 8).Predict(data.Test);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }
}
