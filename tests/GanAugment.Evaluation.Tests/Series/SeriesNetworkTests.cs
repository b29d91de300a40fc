using GanAugment.Data.TimeSeries;
using GanAugment.Evaluation.Series;

namespace GanAugment.Evaluation.Tests.Series;

public class SeriesNetworkTests
{
    private static readonly SeriesNetworkOptions Quick = new() { Epochs = 8 };

    private static SequenceDataset OfClass(SequenceDataset data, int label) =>
        data.Subset([.. Enumerable.Range(0, data.Count).Where(i => data.Labels![i] == label)]);

    [Fact]
    public void Tstr_on_a_second_draw_of_the_real_distribution_is_close_to_trtr()
    {
        var (train, test, synthetic) = (Waves.Generate(384, 1), Waves.Generate(200, 2), Waves.Generate(384, 3));
        var trtr = SeriesClassifier.Train(train, Quick, seed: 9).Accuracy(test);
        var tstr = SeriesClassifier.Train(synthetic, Quick, seed: 9).Accuracy(test);
        Assert.True(trtr > 0.9, $"TRTR {trtr}");
        Assert.InRange(tstr - trtr, -0.05, 0.05);
    }

    [Fact]
    public void Same_seed_same_classifier()
    {
        var (train, test) = (Waves.Generate(128, 1), Waves.Generate(50, 2));
        var options = Quick with { Epochs = 1 };
        Assert.Equal(SeriesClassifier.Train(train, options, seed: 3).Predict(test), SeriesClassifier.Train(train, options, seed: 3).Predict(test));
    }

    [Fact]
    public void Discriminative_score_is_near_half_for_separable_sets_and_near_zero_for_one_distribution()
    {
        var waves = Waves.Generate(400, 4);
        var separable = DiscriminativeScore.Compute(OfClass(waves, 0), OfClass(waves, 1), Quick, seed: 1);
        Assert.True(separable.Score > 0.4, $"accuracy {separable.Accuracy}");
        Assert.Equal((320, 80), (separable.TrainCount, separable.TestCount));

        var same = DiscriminativeScore.Compute(Waves.Generate(200, 5), Waves.Generate(300, 6), Quick, seed: 1);
        Assert.True(same.Score < 0.15, $"accuracy {same.Accuracy}");
    }

    [Fact]
    public void Next_step_predictor_trained_on_the_same_distribution_matches_one_trained_on_the_real_set()
    {
        var (train, test, synthetic) = (RcganSines.Generate(256, 1), RcganSines.Generate(100, 2), RcganSines.Generate(256, 3));
        var real = NextStepPredictor.Train(train, Quick, seed: 2).MeanAbsoluteError(test);
        var fake = NextStepPredictor.Train(synthetic, Quick, seed: 2).MeanAbsoluteError(test);
        // The series' mean absolute step-to-step change, what predicting "no change" would score.
        var still = Enumerable.Range(0, test.Count).SelectMany(i => Enumerable.Range(1, 29).Select(t => Math.Abs(test.Values[i * 30 + t] - test.Values[i * 30 + t - 1]))).Average();
        Assert.True(real < still, $"MAE {real}, persistence {still}");
        Assert.True(double.IsFinite(fake), $"MAE {fake}");
        Assert.InRange(fake / real, 0.8, 1.25);
    }
}
