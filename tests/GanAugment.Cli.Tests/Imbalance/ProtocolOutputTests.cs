namespace GanAugment.Cli.Tests.Imbalance;

/// <summary><c>evaluate imbalance</c> shows one line per stage on the console and puts every GAN epoch in protocol.log.</summary>
public sealed class ProtocolOutputTests
{
    [Fact]
    public void The_console_has_a_line_per_stage_and_the_log_has_every_epoch()
    {
        using var cli = new CliHarness();
        var output = cli.PathOf("imbalance");
        var result = cli.Run("evaluate", "imbalance", "--data", "mnist-small", "--target-class", "3", "--drop", "0.95", "--seeds", "2",
            "--methods", "plain,bagan", "--classifier-epochs", "1", "--classifier-max-steps", "2", "--classifier-width", "4",
            "--gan-epochs", "3", "--gan-max-steps", "1", "--out", output,
            "--bagan-option", "width=4", "--bagan-option", "dense-width=16", "--bagan-option", "encoder-width=4", "--bagan-option", "latent-dim=8");
        Assert.True(result.ExitCode == 0, result.ToString());

        var log = Path.Combine(output, "protocol.log");
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(log, lines[1]);
        // Stages: BAGAN's generator (trained once, a line when it starts and one when it ends), then a classifier per seed and method.
        Assert.Equal(2, lines.Count(l => l.Contains("seed 1/2 BAGAN: train bagan", StringComparison.Ordinal)));
        Assert.Equal(4, lines.Count(l => l.Contains(": classifier: minority recall", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Contains("epoch 1/3", StringComparison.Ordinal) || l.Contains("pretrain", StringComparison.Ordinal));
        Assert.True(lines.Length < 40, result.Out);

        var detail = File.ReadAllLines(log);
        Assert.Equal(3, detail.Count(l => l.Contains("bagan epoch ", StringComparison.Ordinal)));
        Assert.Contains(detail, l => l.Contains("bagan pretrain 1/", StringComparison.Ordinal));
        Assert.Contains(detail, l => l.Contains("seed 2/2: training set of", StringComparison.Ordinal));
        Assert.Equal(4, detail.Count(l => l.Contains(": classifier: minority recall", StringComparison.Ordinal)));
    }
}
