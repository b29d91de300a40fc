using GanAugment.Evaluation.Imbalance;
using GanAugment.Evaluation.Metrics;

namespace GanAugment.Evaluation.Tests.Imbalance;

public class ImbalanceProtocolTests
{
    [Fact]
    public void Every_method_runs_end_to_end_on_a_tiny_budget_with_two_seeds()
    {
        var data = ImbalanceTestData.Digits(train: 24, test: 6);
        var experiment = new ImbalanceExperiment
        {
            TargetClasses = [0],
            Keep = 0.25,
            Seeds = 2,
            Seed = 11,
            Classifier = new ClassifierOptions { Width = 4, Hidden = 16, Epochs = 1, BatchSize = 32 },
            Bagan = new GeneratorSchedule("bagan") { Epochs = 1, BatchSize = 16, MaxStepsPerEpoch = 2, Options = Tiny("width=8", "dense-width=32", "encoder-width=4", "latent-dim=8") },
            AcGan = new GeneratorSchedule("acgan") { Epochs = 1, BatchSize = 8, MaxStepsPerEpoch = 2 },
            Gan = new GeneratorSchedule("dcgan") { Epochs = 1, BatchSize = 8, MaxStepsPerEpoch = 2, Options = Tiny("width=8") },
        };
        using var temp = new TempDir();
        var lines = new List<string>();
        var results = new ImbalanceProtocol(experiment, temp.Path, lines.Add).Run(data, "mnist-small");

        Assert.Equal(ImbalanceMethods.All, results.Methods);
        Assert.Equal(12, results.Runs.Count);
        Assert.Equal([6, 24, 24, 24, 24, 24, 24, 24, 24, 24], results.ImbalancedCounts);
        Assert.All(results.Runs, r => Assert.Equal(60, r.Report.Support.Sum()));
        Assert.Contains(lines, l => l.Contains("training bagan", StringComparison.Ordinal));
        // One generator of each kind, trained once for both seeds, each a complete run directory.
        Assert.Equal(3, results.GeneratorFolders.Count);
        Assert.All(results.GeneratorFolders, f => Assert.True(File.Exists(Path.Combine(f, "options.json")) && File.Exists(Path.Combine(f, "checkpoints", "last.safetensors")), f));
        Assert.True(File.Exists(Path.Combine(temp.Path, "generators", "bagan-seed11", "cmp_class_0_init.png")));
        // Each generator run has its TensorBoard event file, with its sample grid as an image.
        Assert.All(results.GeneratorFolders, f => Assert.Contains(
            GanAugment.Data.Writers.TensorBoard.EventFiles.Read(Assert.Single(GanAugment.Data.Writers.TensorBoard.EventFiles.In(Path.Combine(f, "tb")))).SelectMany(e => e.Values), v => v.Tag == "samples"));
        Assert.Equal(5, results.SampleGrids.Count);

        var report = ImbalanceReport.From(results);
        var files = report.Save(temp.Path);
        Assert.All(files, f => Assert.True(File.Exists(f), f));
        Assert.Equal(1 + 6 * 4, File.ReadAllLines(files[0]).Length);
        Assert.Equal(1 + 12, File.ReadAllLines(files[3]).Length);
        Assert.NotNull(report[ImbalanceMethod.Bagan, ImbalanceResults.MinorityRecall].PVersusPlain);
        Assert.Contains("## Verdict", File.ReadAllText(files[1]));
    }

    [Fact]
    public void A_rerun_into_the_same_folder_reuses_finished_generators_of_the_same_set_and_retrains_for_another()
    {
        var data = ImbalanceTestData.Digits(train: 24, test: 6);
        var experiment = new ImbalanceExperiment
        {
            TargetClasses = [0],
            Keep = 0.25,
            Seeds = 1,
            Seed = 5,
            Methods = [ImbalanceMethod.Bagan],
            Classifier = new ClassifierOptions { Width = 4, Hidden = 16, Epochs = 1, BatchSize = 32 },
            Bagan = new GeneratorSchedule("bagan") { Epochs = 1, BatchSize = 16, MaxStepsPerEpoch = 2, Options = Tiny("width=8", "dense-width=32", "encoder-width=4", "latent-dim=8") },
        };
        using var temp = new TempDir();
        var first = new List<string>();
        var a = new ImbalanceProtocol(experiment, temp.Path, first.Add).Run(data, "mnist-small");
        Assert.Contains(first, l => l.Contains("training bagan", StringComparison.Ordinal));
        Assert.DoesNotContain(first, l => l.Contains("reusing", StringComparison.Ordinal));
        var folder = Assert.Single(a.GeneratorFolders);
        Assert.True(File.Exists(Path.Combine(folder, TrainingSetStamp.FileName)));

        var second = new List<string>();
        var b = new ImbalanceProtocol(experiment, temp.Path, second.Add).Run(data, "mnist-small");
        Assert.Contains(second, l => l.Contains("reusing the finished run", StringComparison.Ordinal));
        Assert.DoesNotContain(second, l => l.Contains("pretrain", StringComparison.Ordinal));
        Assert.Equal(a.Runs[0].Report.Recall, b.Runs[0].Report.Recall);
        Assert.Equal(a.Runs[0].Report.Accuracy, b.Runs[0].Report.Accuracy);

        // Another cut of the target class (same seed, so the same folder name): trained anew.
        var third = new List<string>();
        new ImbalanceProtocol(experiment with { Keep = 0.5 }, temp.Path, third.Add).Run(data, "mnist-small");
        Assert.DoesNotContain(third, l => l.Contains("reusing", StringComparison.Ordinal));
        Assert.Contains(third, l => l.Contains("pretrain", StringComparison.Ordinal));
        // Other options: trained anew too.
        var fourth = new List<string>();
        new ImbalanceProtocol(experiment with { Bagan = experiment.Bagan with { Options = Tiny("width=4", "dense-width=32", "encoder-width=4", "latent-dim=8") } }, temp.Path, fourth.Add).Run(data, "mnist-small");
        Assert.DoesNotContain(fourth, l => l.Contains("reusing", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_compares_with_plain_and_the_best_other_method_and_states_the_verdict()
    {
        // Minority class 0 of two classes, 10 test images each: recall of class 0 = hits / 10.
        var results = Results(
            (ImbalanceMethod.Plain, [5, 6, 5]),
            (ImbalanceMethod.Smote, [7, 8, 7]),
            (ImbalanceMethod.Bagan, [9, 10, 9]));
        var report = ImbalanceReport.From(results);
        var bagan = report[ImbalanceMethod.Bagan, ImbalanceResults.MinorityRecall];
        Assert.Equal(0.9333, bagan.Value.Mean, 4);
        Assert.Equal(ImbalanceMethod.Smote, bagan.BestOther);
        Assert.True(bagan.PVersusPlain < 0.01);
        Assert.True(bagan.PVersusBestOther < 0.05);
        Assert.Null(report[ImbalanceMethod.Smote, ImbalanceResults.MinorityRecall].BestOther);
        Assert.Null(report[ImbalanceMethod.Plain, ImbalanceResults.MinorityRecall].PVersusPlain);
        Assert.Contains("a significant rise (p < 0.05)", report.Verdict());
        Assert.Contains("highest mean minority recall", report.Verdict());

        var worse = ImbalanceReport.From(Results((ImbalanceMethod.Plain, [5, 6, 5]), (ImbalanceMethod.Mirror, [9, 9, 10]), (ImbalanceMethod.Bagan, [6, 5, 6])));
        Assert.Contains("not a significant rise", worse.Verdict());
        Assert.Contains("does not beat every other method on minority recall: Mirror", worse.Verdict());
    }

    /// <summary>Results whose runs predict <c>hits</c> of the 10 class-0 test images right (and all of class 1).</summary>
    private static ImbalanceResults Results(params (ImbalanceMethod Method, int[] Hits)[] methods)
    {
        var truth = Enumerable.Repeat(0, 10).Concat(Enumerable.Repeat(1, 10)).ToArray();
        var runs = new List<ImbalanceRun>();
        foreach (var (method, hits) in methods)
            for (var seed = 0; seed < hits.Length; seed++)
            {
                var predicted = truth.Select((t, i) => t == 0 && i >= hits[seed] ? 1 : t).ToArray();
                runs.Add(new ImbalanceRun(method, seed, ClassificationReport.Compute(truth, predicted, 2), [0], 1));
            }
        var experiment = new ImbalanceExperiment { TargetClasses = [0], Seeds = 3, Methods = [.. methods.Select(m => m.Method)] };
        return new ImbalanceResults(experiment, "toy", ["zero", "one"], [5, 100], runs, [], []);
    }

    private static Dictionary<string, string> Tiny(params string[] pairs) => pairs.Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
}
