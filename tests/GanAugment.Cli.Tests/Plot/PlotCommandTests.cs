using GanAugment.Data.Images;

namespace GanAugment.Cli.Tests.Plot;

/// <summary><c>ganaug plot</c> on the short AC-GAN run that the "trained run" collection trains once.</summary>
[Collection(TrainedRunCollection.Name)]
public sealed class PlotCommandTests(TrainedRun trained)
{
    private CliHarness Cli => trained.Harness;

    /// <summary>A copy of the trained run's manifest and per-epoch files in a new folder, to break without touching the shared run.</summary>
    private string CopyOfRun(string name, params string[] files)
    {
        Assert.True(trained.TrainResult.ExitCode == 0, trained.TrainResult.ToString());
        var folder = Cli.PathOf(name);
        Directory.CreateDirectory(folder);
        foreach (var file in files.Append("options.json"))
            File.Copy(Path.Combine(trained.RunDir, file), Path.Combine(folder, file));
        return folder;
    }

    [Fact]
    public void Plot_writes_both_charts_and_prints_their_paths()
    {
        var folder = Cli.PathOf("plots");
        Assert.True(trained.TrainResult.ExitCode == 0, trained.TrainResult.ToString());
        var result = Cli.Run("plot", trained.RunDir, "--out", folder);
        Assert.True(result.ExitCode == 0, result.ToString());
        var written = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal([Path.Combine(folder, "losses.png"), Path.Combine(folder, "stats.png")], written);
        foreach (var (path, size) in written.Zip([(960, 540), (800, 480)]))
        {
            var image = ImageFile.Read(path);
            Assert.Equal((size.Item1, size.Item2, 3), (image.Width, image.Height, image.Channels));
            // More than a blank canvas: the plot holds hundreds of coloured (non-grey) pixels.
            var coloured = Enumerable.Range(0, image.Width * image.Height).Count(i => image.Pixels[3 * i] != image.Pixels[3 * i + 2]);
            Assert.True(coloured > 300, $"{path}: {coloured} coloured pixels");
        }
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Plot_without_stats_skips_that_chart_with_a_note()
    {
        var run = CopyOfRun("no-stats", "epoch_losses.csv", "losses.csv");
        var result = Cli.Run("plot", run);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Path.Combine(run, "losses.png"), result.Out.Trim());
        Assert.True(File.Exists(Path.Combine(run, "losses.png")));
        Assert.False(File.Exists(Path.Combine(run, "stats.png")));
        Assert.Contains("stats.png skipped", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void Plot_without_per_step_losses_draws_the_epoch_means_with_a_note()
    {
        var run = CopyOfRun("no-steps", "epoch_losses.csv", "stats.csv");
        var result = Cli.Run("plot", run);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(run, "losses.png")));
        Assert.Contains("losses.png shows the epoch means only", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void Missing_run_directory_is_one_usage_line()
    {
        var missing = Cli.PathOf("no-such-run");
        var result = Cli.Run("plot", missing);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("ganaug: error: <run>: ", line);
        Assert.Contains(missing, line);
    }

    [Fact]
    public void A_folder_that_is_not_a_run_is_one_usage_line()
    {
        var folder = Cli.PathOf("not-a-run");
        Directory.CreateDirectory(folder);
        var result = Cli.Run("plot", folder);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("options.json", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void Malformed_stats_line_names_file_and_line_and_writes_nothing()
    {
        var run = CopyOfRun("bad-stats", "epoch_losses.csv", "stats.csv");
        var stats = Path.Combine(run, "stats.csv");
        // Header and two epochs are lines 1-3; the broken row is line 4.
        File.AppendAllText(stats, "3,0.1,abc,0.2,0.3\n");
        var result = Cli.Run("plot", run);
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal($"ganaug: error: {stats}:4: real_std 'abc' is not a number", Assert.Single(result.ErrorLines).TrimEnd());
        Assert.Equal("", result.Out);
        Assert.Empty(Directory.GetFiles(run, "*.png"));
    }

    [Fact]
    public void Epoch_losses_not_written_yet_is_one_data_line()
    {
        var run = CopyOfRun("fresh", "stats.csv");
        File.WriteAllText(Path.Combine(run, "epoch_losses.csv"), "");
        var result = Cli.Run("plot", run);
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith($"ganaug: error: {Path.Combine(run, "epoch_losses.csv")}:1: empty", Assert.Single(result.ErrorLines));
    }
}
