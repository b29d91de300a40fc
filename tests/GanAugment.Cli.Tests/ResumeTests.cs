using System.Text.Json;
using GanAugment.NN.Checkpoints;

namespace GanAugment.Cli.Tests;

public sealed class ResumeTests
{
    // NOTE: dcgan, not acgan: AC-GAN's dropout layers draw from streams split off at construction
    // that checkpoints do not hold yet, so its resumed runs differ in the dropout masks.
    [Fact]
    public void A_run_stopped_after_one_epoch_and_resumed_equals_the_uninterrupted_run()
    {
        using var cli = new CliHarness();
        string[] Train(string run, string epochs) =>
            ["train", "dcgan", "--data", "mnist-small", "--max-steps", "2", "--batch-size", "8", "--stats-samples", "8", "--sample-every", "0", "--seed", "3", "--epochs", epochs, "--out", run];
        var (whole, parts) = (cli.PathOf("whole"), cli.PathOf("parts"));
        var uninterrupted = cli.Run(Train(whole, "2"));
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.ToString());
        var first = cli.Run(Train(parts, "1"));
        Assert.True(first.ExitCode == 0, first.ToString());
        var resumed = cli.Run("train", "dcgan", "--out", parts, "--resume", "--epochs", "2");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("resuming at epoch 2 step 1", resumed.Out);

        var expected = SafeTensors.Load(Path.Combine(whole, "checkpoints", "epoch-0002.safetensors")).Tensors;
        var actual = SafeTensors.Load(Path.Combine(parts, "checkpoints", "epoch-0002.safetensors")).Tensors;
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, tensor) in expected)
            Assert.True(tensor.AsSpan().SequenceEqual(actual[name].AsSpan()), $"{name} differs after resume");
    }

    [Fact]
    public void Cancelling_leaves_a_checkpoint_exits_130_and_the_run_can_be_resumed()
    {
        using var cli = new CliHarness();
        var run = cli.PathOf("cancelled");
        var cancelled = cli.Run(new CancellationToken(canceled: true),
            ["train", "acgan", "--data", "mnist-small", "--epochs", "1", "--max-steps", "2", "--batch-size", "8", "--stats-samples", "8", "--out", run]);
        Assert.True(cancelled.ExitCode == 130, cancelled.ToString());
        Assert.True(File.Exists(Path.Combine(run, "checkpoints", "last.safetensors")));
        using (var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json"))))
            Assert.True(summary.RootElement.GetProperty("cancelled").GetBoolean());
        Assert.Contains("--resume", cancelled.Out);

        var resumed = cli.Run("train", "acgan", "--out", run, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        using var done = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        Assert.False(done.RootElement.GetProperty("cancelled").GetBoolean());
        Assert.Equal(2, done.RootElement.GetProperty("steps").GetInt32());
    }
}
