using System.Text.Json;
using GanAugment.Data.Idx;

namespace GanAugment.Cli.Tests;

/// <summary>A tiny InfoGAN run on mnist-small, shared by the tests of <c>sample --code</c> and <c>evaluate clusters</c>.</summary>
public sealed class InfoGanRun : IDisposable
{
    public InfoGanRun()
    {
        Harness = new CliHarness();
        RunDir = Harness.PathOf("infogan");
        TrainResult = Harness.Run("train", "infogan", "--data", "mnist-small", "--epochs", "1", "--max-steps", "2", "--batch-size", "8", "--stats-samples", "0",
            "--seed", "3", "--option", "width=4", "--option", "dense-width=16", "--option", "q-width=8", "--out", RunDir);
    }

    public CliHarness Harness { get; }

    public string RunDir { get; }

    public CliResult TrainResult { get; }

    public void Dispose() => Harness.Dispose();
}

public sealed class InfoGanCliTests(InfoGanRun trained) : IClassFixture<InfoGanRun>
{
    private CliHarness Cli => trained.Harness;

    [Fact]
    public void Training_writes_a_traversal_grid_per_continuous_code()
    {
        Assert.True(trained.TrainResult.ExitCode == 0, trained.TrainResult.ToString());
        Assert.True(File.Exists(Path.Combine(trained.RunDir, "traversal_c1_epoch_1.png")));
        Assert.True(File.Exists(Path.Combine(trained.RunDir, "traversal_c2_epoch_1.png")));
    }

    [Fact]
    public void Sample_with_fixed_codes_is_reproducible_and_follows_the_codes()
    {
        byte[] Sample(string name, string code)
        {
            var result = Cli.Run("sample", trained.RunDir, "--count", "3", "--seed", "4", "--code", code, "--out", Cli.PathOf($"codes/{name}.idx"));
            Assert.True(result.ExitCode == 0, result.ToString());
            return IdxReader.ReadImages(Cli.PathOf($"codes/{name}-images-idx3-ubyte.gz")).Pixels;
        }
        var three = Sample("a", "cat=3,c1=0.5");
        Assert.Equal(three, Sample("b", "cat=3, c1=0.5"));
        Assert.NotEqual(three, Sample("c", "cat=7,c1=0.5"));
        Assert.NotEqual(three, Sample("d", "cat=3,c1=-0.9"));
    }

    [Theory]
    [InlineData("c9=1", "--code: unknown code 'c9'; this model's codes are cat (0..9), c1, c2")]
    [InlineData("cat=12", "--code: cat=12 is not a category: give an integer 0..9")]
    [InlineData("c1=high", "--code: c1=high is not a number (the codes are drawn from [-1, 1]; e.g. c1=0.5)")]
    public void Bad_code_is_a_one_line_error(string code, string message)
    {
        var result = Cli.Run("sample", trained.RunDir, "--code", code, "--out", Cli.PathOf("bad.png"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.ErrorLines.Single());
        Assert.False(File.Exists(Cli.PathOf("bad.png")));
    }

    [Fact]
    public void Code_for_a_model_without_codes_is_a_one_line_error()
    {
        var gan = Cli.PathOf("gan");
        var train = Cli.Run("train", "gan", "--data", "mnist-small", "--epochs", "1", "--max-steps", "1", "--batch-size", "8", "--stats-samples", "0", "--out", gan);
        Assert.True(train.ExitCode == 0, train.ToString());
        var result = Cli.Run("sample", gan, "--code", "cat=1", "--out", Cli.PathOf("gan.png"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--code: gan in", result.ErrorLines.Single());
        Assert.Contains("has no latent codes to fix", result.ErrorLines.Single());
    }

    [Fact]
    public void Evaluate_clusters_reports_the_matched_accuracy_and_writes_it()
    {
        var result = Cli.Run("evaluate", "clusters", trained.RunDir);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("cluster accuracy of infogan's categorical code on", result.Out);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(trained.RunDir, "clusters.json")));
        var accuracy = json.RootElement.GetProperty("accuracy").GetDouble();
        Assert.InRange(accuracy, 0.0, 1.0);
        var classes = json.RootElement.GetProperty("classOfCategory").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(Enumerable.Range(0, 10), classes.Order());
    }

    [Fact]
    public void Evaluate_clusters_of_a_model_without_codes_is_a_one_line_error()
    {
        var gan = Cli.PathOf("gan2");
        Assert.Equal(0, Cli.Run("train", "gan", "--data", "mnist-small", "--epochs", "1", "--max-steps", "1", "--batch-size", "8", "--stats-samples", "0", "--out", gan).ExitCode);
        var result = Cli.Run("evaluate", "clusters", gan);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("has no categorical latent code", result.ErrorLines.Single());
    }
}
