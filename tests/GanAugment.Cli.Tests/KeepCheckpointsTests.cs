namespace GanAugment.Cli.Tests;

/// <summary><c>train --keep-checkpoints k</c>: last.safetensors, every k-th epoch's file of each phase and the final epoch's; nothing else.</summary>
public sealed class KeepCheckpointsTests
{
    private static readonly string[] TinyBagan = ["train", "bagan", "--data", "mnist-small", "--max-steps", "1", "--batch-size", "4", "--stats-samples", "0",
        "--sample-every", "0", "--seed", "2", "--option", "autoencoder-epochs=3", "--option", "width=4", "--option", "dense-width=16",
        "--option", "encoder-width=4", "--option", "latent-dim=8"];

    [Fact]
    public void Every_kth_epoch_of_each_phase_the_final_one_and_last_are_kept_also_after_a_resume()
    {
        using var cli = new CliHarness();
        var run = cli.PathOf("bagan");
        var first = cli.Run([.. TinyBagan, "--epochs", "5", "--keep-checkpoints", "2", "--out", run]);
        Assert.True(first.ExitCode == 0, first.ToString());
        // NOTE: the autoencoder's last epoch is saved as the adversarial phase's start, epoch-0000.
        Assert.Equal(["autoencoder-epoch-0002", "epoch-0000", "epoch-0002", "epoch-0004", "epoch-0005", "last"], Checkpoints(run));

        var resumed = cli.Run("train", "bagan", "--out", run, "--resume", "--epochs", "7");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(["autoencoder-epoch-0002", "epoch-0000", "epoch-0002", "epoch-0004", "epoch-0006", "epoch-0007", "last"], Checkpoints(run));
    }

    [Fact]
    public void Zero_keeps_only_last_and_the_final_epoch_and_the_default_is_every_tenth()
    {
        using var cli = new CliHarness();
        var none = cli.Run([.. TinyBagan, "--epochs", "4", "--keep-checkpoints", "0", "--out", cli.PathOf("none")]);
        Assert.True(none.ExitCode == 0, none.ToString());
        Assert.Equal(["epoch-0004", "last"], Checkpoints(cli.PathOf("none")));
        Assert.Equal(10, Gans.Training.TrainerOptions.DefaultKeepCheckpoints);
        Assert.Contains("--keep-checkpoints", cli.Run("train", "--help").Out);
    }

    [Fact]
    public void A_negative_count_is_a_one_line_error_naming_the_option()
    {
        using var cli = new CliHarness();
        var result = cli.Run([.. TinyBagan, "--epochs", "1", "--keep-checkpoints", "-1", "--out", cli.PathOf("bad")]);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains("--keep-checkpoints", result.Error);
        Assert.False(Directory.Exists(cli.PathOf("bad")));
    }

    private static string[] Checkpoints(string run) =>
        [.. Directory.GetFiles(Path.Combine(run, "checkpoints")).Select(f => Path.GetFileName(f).Replace(".safetensors", "", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
}
