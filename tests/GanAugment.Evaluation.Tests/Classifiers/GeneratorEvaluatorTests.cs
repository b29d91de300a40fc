using GanAugment.Data.Images;
using GanAugment.Evaluation.Classifiers;
using GanAugment.Evaluation.Generators;
using GanAugment.Gans;
using GanAugment.NN;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Tests.Classifiers;

public sealed class GeneratorEvaluatorTests
{
    [Fact]
    public void A_generator_that_replays_the_test_set_scores_like_the_test_set()
    {
        var data = BarsData.Create(40, 20);
        var classifier = DomainClassifier.Train(data, new DomainClassifierOptions { Epochs = 3, BatchSize = 8, Seed = 5 });
        var replay = new ReplayGenerator(data.Test);

        var report = GeneratorEvaluator.Evaluate(replay, classifier, data.Test, "bars", new GeneratorEvaluationOptions { CountPerClass = 20 });

        var real = classifier.Run(data.Test.Pixels, data.Test.Count);
        for (var k = 0; k < 3; k++)
        {
            var ofClass = Enumerable.Range(0, data.Test.Count).Where(i => data.Test.Labels[i] == k).ToList();
            var expected = ofClass.Count(i => real.Predictions[i] == k) / (double)ofClass.Count;
            Assert.Equal(expected, report.PerClass[k].Accuracy, 12);
            Assert.Equal(expected, report.PerClass[k].RealTestAccuracy, 12);
            Assert.Equal(20, report.PerClass[k].Samples);
        }
        Assert.Equal(classifier.TestAccuracy, report.MeanClassAccuracy!.Value, 12);
        Assert.Equal(report.RealClassifierScore, report.ClassifierScore, 4);
        Assert.True(Math.Abs(report.FrechetDistance) < 1e-3, $"Fréchet distance {report.FrechetDistance}");
        Assert.Equal(60, report.Samples);
        Assert.Contains("| 2 | diagonal | 20 |", report.ToMarkdown());
        Assert.Contains("\"frechet_distance\"", report.ToJson());
        Assert.Contains("\"real_test_accuracy\"", report.ToJson());
    }

    [Fact]
    public void Cycling_labels_cover_every_class_in_turn() =>
        Assert.Equal([0, 1, 2, 0, 1], GeneratedImages.CyclingLabels(5, 3));

    /// <summary>A "generator" that returns the images of a data set, the next one of the asked class each time.</summary>
    private sealed class ReplayGenerator(ImageDataset source) : GanModel(new ImageSpec(source.Channels, source.Height, source.Width, source.ClassNames), new Rng(1))
    {
        private readonly int[] _next = new int[source.ClassCount];
        private readonly Sequential _none = new();

        public override string Name => "replay";
        public override int LatentDim => 1;
        public override ConditionKind Conditioning => ConditionKind.Labels;
        public override object Options => "replay";
        protected override Module Generator => _none;

        protected override Tensor RunGenerator(Tensor z, Condition condition)
        {
            var labels = ((LabelCondition)condition).Labels;
            var size = source.ImageSize;
            var values = new float[labels.Length * size];
            for (var i = 0; i < labels.Length; i++)
            {
                var index = Enumerable.Range(0, source.Count).Where(j => source.Labels[j] == labels[i]).ElementAt(_next[labels[i]]++);
                var image = source.Image(index);
                for (var p = 0; p < size; p++) values[i * size + p] = image[p] * (2f / 255f) - 1f;
            }
            return Tensor.Wrap(values, labels.Length, source.Channels, source.Height, source.Width);
        }

        public override StepLosses CriticStep(RealBatch real) => throw new NotSupportedException();
        public override StepLosses GeneratorStep(RealBatch real, int batchSize) => throw new NotSupportedException();
        public override IEnumerable<(string Name, Module Module)> Networks() => [];
        public override IEnumerable<(string Name, Optimizer Optimizer)> Optimizers() => [];
    }
}
