using GanAugment.Evaluation.Imbalance;

namespace GanAugment.Cli.Tests;

/// <summary>
/// Issue 14, point 3: augment on a generator that evaluate imbalance (or the demo) trained on a cut
/// set rebalances that set, prints before/added/after per class, and refuses to add nothing.
/// </summary>
public sealed class AugmentTrainedSetTests
{
    [Fact]
    public void Augment_rebalances_the_set_a_protocol_generator_was_trained_on()
    {
        using var cli = new CliHarness();
        var output = cli.PathOf("imbalance");
        var protocol = cli.Run([.. new[] { "evaluate", "imbalance", "--data", "mnist-small", "--target-class", "3", "--unbalance", "0.9", "--seeds", "1",
            "--methods", "plain,bagan", "--classifier-epochs", "1", "--classifier-max-steps", "1", "--classifier-width", "4",
            "--gan-epochs", "1", "--gan-max-steps", "1", "--out", output },
            .. new[] { "--bagan-option", "width=8", "--bagan-option", "dense-width=32", "--bagan-option", "encoder-width=4" }]);
        Assert.True(protocol.ExitCode == 0, protocol.ToString());
        var generator = Path.Combine(output, "generators", "bagan-seed0");
        Assert.True(File.Exists(Path.Combine(generator, TrainingSetStamp.FileName)));
        Assert.False(File.Exists(Path.Combine(generator, "imbalance.json"))); // the cut is known from the stamp alone

        var augment = cli.Run("augment", generator, "--out", cli.PathOf("balanced"));
        Assert.True(augment.ExitCode == 0, augment.ToString());
        Assert.Contains("(9900 training images)", augment.Out);
        AugmentRows.AssertRow(augment.Out, "3", "3", "900", "100", "1000");
        AugmentRows.AssertRow(augment.Out, "0", "0", "1000", "0", "1000");

        // The full set is already balanced: nothing to add is an error, and no output folder is left.
        var full = cli.Run("augment", generator, "--data", "mnist-small", "--out", cli.PathOf("nothing"));
        Assert.Equal(2, full.ExitCode);
        Assert.Equal("ganaug: error: --data: nothing to add: mnist-small has per class 1000 1000 1000 1000 1000 1000 1000 1000 1000 1000, every class already at the goal; raise --up-to or --ratio, or name other --classes",
            Assert.Single(full.ErrorLines));
        Assert.False(Directory.Exists(cli.PathOf("nothing")));

        // A stamp that the named set cannot give back is an error, never a silent fall-back to the full set.
        var stamp = Path.Combine(generator, TrainingSetStamp.FileName);
        File.WriteAllText(stamp, File.ReadAllText(stamp).Replace(" 900 ", " 899 ", StringComparison.Ordinal));
        var broken = cli.Run("augment", generator, "--out", cli.PathOf("broken"));
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("cannot be rebuilt from mnist-small", Assert.Single(broken.ErrorLines));
    }
}
