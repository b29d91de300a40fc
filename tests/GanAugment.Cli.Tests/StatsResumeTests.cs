namespace GanAugment.Cli.Tests;

/// <summary>A resumed run writes what the uninterrupted run writes: stats.csv over the run's own <c>--stats-samples</c>, and the kept epoch files.</summary>
public sealed class StatsResumeTests
{
    [Fact]
    public void A_resumed_run_writes_the_stats_of_the_uninterrupted_run()
    {
        using var cli = new CliHarness();
        string[] common = ["--data", "mnist-small", "--max-steps", "2", "--batch-size", "4", "--stats-samples", "8", "--seed", "3", "--threads", "1", "--sample-every", "0"];
        var straight = cli.PathOf("straight");
        var resumed = cli.PathOf("resumed");
        Assert.Equal(0, cli.Run(["train", "gan", .. common, "--epochs", "3", "--out", straight]).ExitCode);
        Assert.Equal(0, cli.Run(["train", "gan", .. common, "--epochs", "2", "--out", resumed]).ExitCode);
        var again = cli.Run("train", "gan", "--resume", "--epochs", "3", "--out", resumed);
        Assert.True(again.ExitCode == 0, again.ToString());

        Assert.Equal(File.ReadAllLines(Path.Combine(straight, "stats.csv")), File.ReadAllLines(Path.Combine(resumed, "stats.csv")));
    }

    [Fact]
    public void A_kill_between_last_and_the_kept_epoch_file_is_repaired_on_resume()
    {
        using var cli = new CliHarness();
        string[] common = ["--data", "mnist-small", "--max-steps", "2", "--batch-size", "4", "--stats-samples", "0", "--seed", "3", "--threads", "1",
            "--sample-every", "0", "--keep-checkpoints", "2"];
        var straight = cli.PathOf("straight");
        var killed = cli.PathOf("killed");
        Assert.Equal(0, cli.Run(["train", "gan", .. common, "--epochs", "4", "--out", straight]).ExitCode);
        Assert.Equal(0, cli.Run(["train", "gan", .. common, "--epochs", "2", "--out", killed]).ExitCode);
        // NOTE: what a SIGKILL after last.safetensors and before epoch-0002.safetensors leaves (RunDirectory.Save writes last first).
        File.Delete(Path.Combine(killed, "checkpoints", "epoch-0002.safetensors"));
        var resumed = cli.Run("train", "gan", "--resume", "--epochs", "4", "--out", killed);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());

        foreach (var file in new[] { "epoch-0002.safetensors", "epoch-0004.safetensors" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(straight, "checkpoints", file)), File.ReadAllBytes(Path.Combine(killed, "checkpoints", file)));
    }
}
