using System.Text.Json;
using GanAugment.Cli.Commands.Demo;
using GanAugment.Data.Idx;
using GanAugment.Evaluation.Imbalance;

namespace GanAugment.Cli.Tests.Bagan;

/// <summary>train bagan with an imbalance, augment with it, evaluate imbalance, demo preset; bad options.</summary>
public sealed class BaganCommandTests
{
    private static readonly string[] TinyBagan =
        ["--option", "width=8", "--option", "dense-width=32", "--option", "encoder-width=4", "--option", "latent-dim=8", "--option", "learning-rate=1e-3"];

    [Fact]
    public void Train_bagan_on_an_imbalanced_set_then_augment_it_to_balance()
    {
        using var cli = new CliHarness();
        var runDir = cli.PathOf("bagan");
        var train = cli.Run([.. new[] { "train", "bagan", "--data", "mnist-small", "--target-class", "0", "--unbalance", "0.05", "--epochs", "1", "--max-steps", "2",
            "--batch-size", "16", "--stats-samples", "0", "--seed", "3", "--out", runDir }, .. TinyBagan]);
        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("autoencoder epoch 1/1  2 steps", train.Out);
        Assert.Contains("reconstruction=", train.Out);
        foreach (var file in new[] { "imbalance.json", "autoencoder_losses.csv", "latent_means.npy", "latent_covariances.npy", "cmp_class_0_init.png", "cmp_class_0_epoch_1.png", "checkpoints/last.safetensors" })
            Assert.True(File.Exists(Path.Combine(runDir, file)), file);

        var output = cli.PathOf("balanced");
        var augment = cli.Run("augment", runDir, "--data", "mnist-small", "--classes", "0", "--up-to", "1001", "--out", output, "--seed", "1");
        Assert.True(augment.ExitCode == 0, augment.ToString());
        AugmentRows.AssertRow(augment.Out, "0", "0", "1000", "1", "1001"); // mnist-small itself has 1000 zeros
        // Without --data: the run's set as trained (zeros cut to 50), balanced back to 1000 per class.
        var again = cli.Run("augment", runDir, "--out", cli.PathOf("from-run"));
        Assert.True(again.ExitCode == 0, again.ToString());
        AugmentRows.AssertRow(again.Out, "0", "0", "50", "950", "1000");
        var images = IdxReader.ReadImages(Path.Combine(cli.PathOf("from-run"), "train-images-idx3-ubyte"));
        Assert.Equal(10000, images.Count);
        var manifest = File.ReadAllLines(Path.Combine(cli.PathOf("from-run"), "manifest.csv"));
        Assert.Equal(950, manifest.Count(l => l.Contains(",1,bagan run ", StringComparison.Ordinal)));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.PathOf("from-run"), "manifest.json")));
        Assert.Equal("bagan", json.RootElement.GetProperty("details").GetProperty("model").GetString());
    }

    [Fact]
    public void Augment_never_writes_into_the_run_or_the_data_and_needs_a_conditional_model()
    {
        using var cli = new CliHarness();
        var runDir = cli.PathOf("run");
        Assert.Equal(0, cli.Run("train", "dcgan", "--data", "mnist-small", "--epochs", "1", "--max-steps", "1", "--batch-size", "8", "--stats-samples", "0",
            "--option", "width=8", "--out", runDir).ExitCode);
        var unconditional = cli.Run("augment", runDir, "--out", cli.PathOf("x"));
        Assert.Equal(2, unconditional.ExitCode);
        Assert.Contains("without labels", Assert.Single(unconditional.ErrorLines));

        var bagan = cli.PathOf("bagan");
        Assert.Equal(0, cli.Run([.. new[] { "train", "bagan", "--data", "mnist-small", "--epochs", "1", "--max-steps", "1", "--batch-size", "8", "--stats-samples", "0", "--out", bagan }, .. TinyBagan]).ExitCode);
        var intoRun = cli.Run("augment", bagan, "--up-to", "1001", "--out", Path.Combine(bagan, "augmented"));
        Assert.Equal(1, intoRun.ExitCode);
        Assert.Contains("refusing to write over the input", Assert.Single(intoRun.ErrorLines));
        var both = cli.Run("augment", bagan, "--out", cli.PathOf("y"), "--up-to", "5", "--ratio", "0.5");
        Assert.Equal(2, both.ExitCode);
        Assert.StartsWith("ganaug: error: --ratio:", Assert.Single(both.ErrorLines));
    }

    [Fact]
    public void Evaluate_imbalance_runs_the_protocol_and_writes_the_report()
    {
        using var cli = new CliHarness();
        var output = cli.PathOf("imbalance");
        var result = cli.Run([.. new[] { "evaluate", "imbalance", "--data", "mnist-small", "--target-class", "3", "--drop", "0.95", "--seeds", "2",
            "--methods", "plain,mirror,bagan", "--classifier-epochs", "1", "--classifier-max-steps", "3", "--classifier-width", "4",
            "--gan-epochs", "1", "--gan-max-steps", "2", "--out", output },
            .. new[] { "--bagan-option", "width=8", "--bagan-option", "dense-width=32", "--bagan-option", "encoder-width=4" }]);
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var file in new[] { "results.csv", "results.md", "results.png", "runs.csv", "synthetic_mirror.png", "synthetic_bagan.png" })
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        Assert.Contains("| BAGAN |", result.Out);
        Assert.Contains("Minority recall: BAGAN", result.Out);
        Assert.Contains("bagan rows real/autoencoded/generated:", result.Out);
        Assert.Equal(1 + 3 * 2, File.ReadAllLines(Path.Combine(output, "runs.csv")).Length);
    }

    [Theory]
    [InlineData("--unbalance", "0.05", "--drop", "0.9", "--drop:")]
    [InlineData("--target-class", "12", "--seeds", "2", "--target-class:")]
    [InlineData("--methods", "plain,magic", "--seeds", "2", "--methods:")]
    [InlineData("--bagan-option", "colour=red", "--seeds", "2", "--bagan-option:")]
    [InlineData("--gan-model", "acgan", "--seeds", "2", "--gan-model:")]
    public void Evaluate_imbalance_bad_options_give_one_line_naming_the_option(string a, string va, string b, string vb, string named)
    {
        using var cli = new CliHarness();
        string[] args = ["evaluate", "imbalance", "--data", "mnist-small", a, va, b, vb, "--out", cli.PathOf("x")];
        if (!args.Contains("--target-class")) args = [.. args, "--target-class", "0"];
        var result = cli.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("ganaug: error: " + named, Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void Demo_preset_is_the_issue_setting()
    {
        var demo = DemoCommand.Experiment(seeds: 3, epochs: 2);
        Assert.Equal([0], demo.TargetClasses);
        Assert.Equal(0.05, demo.Keep);
        Assert.Equal([ImbalanceMethod.Plain, ImbalanceMethod.Smote, ImbalanceMethod.Bagan], demo.Methods);
        Assert.Equal(new ClassifierOptions(), demo.Classifier);
        Assert.Equal("bagan", demo.Bagan.Model);
        Assert.Equal(2, demo.Bagan.Epochs);
        Assert.Equal("proportional", demo.Bagan.Options["discriminator-sampling"]);
        Assert.Equal("proportional", demo.Bagan.Options["generator-sampling"]);
    }
}
