using System.Text.Json;

namespace GanAugment.Cli.Tests;

[Collection(TrainedRunCollection.Name)]
public sealed class TrainTests(TrainedRun trained)
{
    [Fact]
    public void Train_writes_the_run_directory()
    {
        Assert.True(trained.TrainResult.ExitCode == 0, trained.TrainResult.ToString());
        foreach (var file in new[] { "options.json", "losses.csv", "epoch_losses.csv", "stats.csv", "summary.json",
                     "checkpoints/last.safetensors", "checkpoints/epoch-0002.safetensors", "samples/epoch-001.png", "samples/epoch-002.png" })
            Assert.True(File.Exists(Path.Combine(trained.RunDir, file)), file);
        Assert.Empty(Directory.GetFiles(trained.RunDir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Train_prints_one_plain_line_per_epoch_when_redirected()
    {
        var lines = trained.TrainResult.Out.Split('\n');
        Assert.Single(lines, l => l.StartsWith("epoch 1/2  3 steps", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("epoch 2/2  3 steps", StringComparison.Ordinal) && l.Contains("img/s") && l.Contains("g_source="));
        Assert.DoesNotContain('\u001b', trained.TrainResult.Out);
    }

    [Fact]
    public void Summary_reports_the_session()
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(trained.RunDir, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal("acgan", root.GetProperty("model").GetString());
        Assert.Equal(2, root.GetProperty("epochs").GetInt32());
        Assert.Equal(6, root.GetProperty("steps").GetInt32());
        Assert.False(root.GetProperty("cancelled").GetBoolean());
        Assert.True(root.GetProperty("seconds_per_epoch").GetDouble() > 0);
        Assert.True(root.GetProperty("final_epoch_losses").TryGetProperty("g_class", out _));
        Assert.Equal(2, root.GetProperty("grids").GetArrayLength());
    }

    [Fact]
    public void Training_again_into_the_same_run_needs_resume()
    {
        var result = trained.Harness.Train(trained.RunDir);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("ganaug: error: --out:", Assert.Single(result.ErrorLines));
    }
}
