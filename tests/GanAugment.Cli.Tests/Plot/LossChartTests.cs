using GanAugment.Cli.Commands.Plot;
using GanAugment.Data.Images;
using GanAugment.Data.Writers.Charts;

namespace GanAugment.Cli.Tests.Plot;

/// <summary>The loss charts of <c>ganaug plot</c>: per-step losses smoothed with their epoch means, and a chart per pretraining phase.</summary>
public sealed class LossChartTests
{
    private static readonly string[] TinyBagan =
        ["--option", "width=8", "--option", "dense-width=32", "--option", "encoder-width=4", "--option", "latent-dim=8", "--option", "learning-rate=1e-3"];

    /// <summary>Two epochs of three steps with losses d and g, as LossCsvObserver writes them.</summary>
    private static (EpochCsv Means, StepLossCsv Steps) SmallRun(TempDir temp)
    {
        var steps = temp.File("losses.csv");
        File.WriteAllText(steps, """
            epoch,step,loss,value
            1,1,d,2
            1,1,g,1
            1,2,d,4
            1,2,g,1
            1,3,d,0
            1,3,g,1
            2,1,d,2
            2,1,g,3
            2,2,d,2
            2,2,g,3
            2,3,d,2
            2,3,g,3

            """);
        var means = temp.File("epoch_losses.csv");
        File.WriteAllText(means, "epoch,seconds,d,g\n1,0.50,2,1\n2,0.40,2,3\n");
        return (EpochCsv.Read(means), StepLossCsv.Read(steps));
    }

    [Fact]
    public void The_loss_chart_has_each_loss_per_step_faint_its_moving_average_and_its_epoch_means()
    {
        using var temp = new TempDir();
        var (means, steps) = SmallRun(temp);
        var chart = RunCharts.Losses(means, steps, "toy", smoothing: 0.5);

        Assert.Equal(["d per step", "g per step", "d", "g", "d epoch mean", "g epoch mean"], chart.Series.Select(s => s.Name));
        var raw = chart.Series[0];
        Assert.Equal([1.0, 2, 3, 4, 5, 6], raw.X);
        Assert.Equal([2.0, 4, 0, 2, 2, 2], raw.Y);
        Assert.True(raw.Opacity < 0.5 && !raw.InLegend);
        // The debiased EMA at w = 0.5 by hand: 2/0.5, (0.5 + 2)/0.75, (1.25 + 0)/0.875, ...
        var smoothed = chart.Series[2];
        Assert.Equal(raw.X, smoothed.X);
        Assert.Equal(2.0, smoothed.Y[0], 12);
        Assert.Equal(2.5 / 0.75, smoothed.Y[1], 12);
        Assert.Equal(1.25 / 0.875, smoothed.Y[2], 12);
        Assert.Equal(Smoothing.ExponentialMovingAverage([2.0, 4, 0, 2, 2, 2], 0.5), smoothed.Y);
        Assert.True(smoothed.InLegend && smoothed.Opacity == 1);
        // Each epoch's mean sits at the middle step of the epoch, unjoined, in the loss's colour.
        var epochMeans = chart.Series[5];
        Assert.Equal([2.0, 5.0], epochMeans.X);
        Assert.Equal([1.0, 3.0], epochMeans.Y);
        Assert.False(epochMeans.Joined);
        Assert.Equal(chart.Series[1].Color, epochMeans.Color);
        Assert.Equal(chart.Series[3].Color, epochMeans.Color);
    }

    [Fact]
    public void Without_per_step_losses_the_chart_shows_the_epoch_means()
    {
        using var temp = new TempDir();
        var (means, _) = SmallRun(temp);
        var chart = RunCharts.Losses(means, steps: null, "toy", Smoothing.DefaultWeight);
        Assert.Equal(["d", "g"], chart.Series.Select(s => s.Name));
        Assert.Equal([1.0, 2.0], chart.Series[1].X);
        Assert.Equal([1.0, 3.0], chart.Series[1].Y);
    }

    [Fact]
    public void A_bagan_run_gets_a_chart_of_its_autoencoder_phase_and_a_smoothed_loss_chart()
    {
        using var cli = new CliHarness();
        var runDir = cli.PathOf("bagan");
        var train = cli.Run([.. new[] { "train", "bagan", "--data", "mnist-small", "--target-class", "0", "--unbalance", "0.05", "--epochs", "2", "--max-steps", "2",
            "--batch-size", "16", "--stats-samples", "0", "--seed", "3", "--out", runDir }, .. TinyBagan]);
        Assert.True(train.ExitCode == 0, train.ToString());

        var folder = cli.PathOf("plots");
        var plot = cli.Run("plot", runDir, "--out", folder, "--smoothing", "0.9");
        Assert.True(plot.ExitCode == 0, plot.ToString());
        Assert.Equal([Path.Combine(folder, "losses.png"), Path.Combine(folder, "autoencoder_losses.png")],
            plot.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal((960, 540), Size(Path.Combine(folder, "losses.png")));
        Assert.Equal((800, 480), Size(Path.Combine(folder, "autoencoder_losses.png")));

        var phase = RunCharts.Phase(EpochCsv.Read(Path.Combine(runDir, "autoencoder_losses.csv")), "autoencoder", "bagan");
        var reconstruction = Assert.Single(phase.Series);
        Assert.Equal("reconstruction", reconstruction.Name);
        Assert.Equal([1.0, 2.0], reconstruction.X); // BAGAN pretrains its autoencoder for --epochs epochs too
        Assert.All(reconstruction.Y, y => Assert.True(y > 0));
        var losses = RunCharts.Losses(EpochCsv.Read(Path.Combine(runDir, "epoch_losses.csv")), StepLossCsv.Read(Path.Combine(runDir, "losses.csv")), "bagan", 0.9);
        Assert.Equal([1.0, 2, 3, 4], losses.Series[0].X);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-0.1")]
    [InlineData("x")]
    public void A_smoothing_outside_zero_to_one_is_one_line_naming_the_option(string value)
    {
        using var cli = new CliHarness();
        var run = cli.PathOf("run");
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "options.json"), "{}");
        var result = cli.Run("plot", run, "--smoothing", value);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--smoothing", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void A_malformed_losses_line_names_the_file_and_line()
    {
        using var temp = new TempDir();
        var path = temp.File("losses.csv");
        File.WriteAllText(path, "epoch,step,loss,value\n1,1,d,0.5\n1,x,d,0.4\n");
        var error = Assert.Throws<GanAugment.Data.DataFormatException>(() => StepLossCsv.Read(path));
        Assert.Equal($"{path}:3: step 'x' is not a whole number from 1", error.Message);
    }

    private static (int, int) Size(string path) => ImageFile.Read(path) is var image ? (image.Width, image.Height) : default;
}
