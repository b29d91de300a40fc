using System.Text.Json;

namespace GanAugment.Cli.Tests;

[Collection(TrainedRunCollection.Name)]
public sealed class EvaluateTests(TrainedRun trained)
{
    // NOTE: a tiny classifier schedule (5 steps) keeps the test fast; its accuracy is not the point here.
    private static readonly string[] Quick = ["--per-class", "5", "--classifier-epochs", "1", "--classifier-max-steps", "5"];

    [Fact]
    public void Evaluate_samples_writes_the_report_and_caches_the_classifier()
    {
        var cli = trained.Harness;
        var first = cli.Run(["evaluate", "samples", trained.RunDir, .. Quick]);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("trained and cached", first.Out);
        Assert.Contains("mean class accuracy (generated)", first.Out);

        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(trained.RunDir, "evaluation.json"))))
        {
            var root = json.RootElement;
            Assert.Equal(10, root.GetProperty("per_class").GetArrayLength());
            Assert.Equal(50, root.GetProperty("samples").GetInt32());
            Assert.Equal(2000, root.GetProperty("real_samples").GetInt32());
            var accuracy = root.GetProperty("classifier_test_accuracy").GetDouble();
            Assert.InRange(accuracy, 0.0, 1.0);
            Assert.True(double.IsFinite(root.GetProperty("frechet_distance").GetDouble()));
            Assert.InRange(root.GetProperty("classifier_score").GetDouble(), 1.0 - 1e-9, 10.0);
        }
        Assert.StartsWith("# Evaluation of acgan", File.ReadAllText(Path.Combine(trained.RunDir, "evaluation.md")));
        Assert.Single(Directory.GetFiles(Path.Combine(cli.Cache, "classifiers"), "mnist-small-*.safetensors"));

        var second = cli.Run(["evaluate", "samples", trained.RunDir, .. Quick]);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("from the cache", second.Out);
    }
}
