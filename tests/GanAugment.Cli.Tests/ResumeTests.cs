using System.Text.Json;
using GanAugment.NN.Checkpoints;

namespace GanAugment.Cli.Tests;

[Collection(TrainedRunCollection.Name)]
public sealed class ResumeTests(TrainedRun trained)
{
    [Fact]
    public void A_run_stopped_after_one_epoch_and_resumed_equals_the_uninterrupted_run()
    {
        using var cli = new CliHarness();
        var run = cli.PathOf("resumed");
        var first = cli.Train(run, epochs: 1);
        Assert.True(first.ExitCode == 0, first.ToString());
        var resumed = cli.Run("train", "acgan", "--out", run, "--resume", "--epochs", "2");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("resuming at epoch 2 step 1", resumed.Out);

        // The same options as the collection's uninterrupted 2-epoch run (CliHarness.Train).
        var expected = SafeTensors.Load(Path.Combine(trained.RunDir, "checkpoints", "epoch-0002.safetensors")).Tensors;
        var actual = SafeTensors.Load(Path.Combine(run, "checkpoints", "epoch-0002.safetensors")).Tensors;
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
