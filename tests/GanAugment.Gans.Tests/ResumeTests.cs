using GanAugment.Gans.Training;

namespace GanAugment.Gans.Tests;

public class ResumeTests
{
    [Theory]
    [InlineData("acgan")]
    [InlineData("wgan-gp")]
    public void InterruptedAfterEpochOneAndResumedEqualsUninterrupted(string name)
    {
        var data = TestData.Digits(3);
        string[] overrides = name == "acgan" ? [] : ["width=8", "critic-steps=2"];
        var options = new TrainerOptions { Epochs = 2, BatchSize = 8, MaxStepsPerEpoch = 3, Seed = 11 };
        using var dir = new TempDir();

        // Uninterrupted: two epochs in one go.
        var straight = ZooSmokeTests.Build(name, overrides, data, 11);
        var straightLosses = new List<StepLosses>();
        new GanTrainer(straight, data, options, new RunDirectory(dir.File("a")), [new ZooSmokeTests.Collect(straightLosses)]).Run();

        // Interrupted: one epoch, then a fresh process-like model resumed from the checkpoint.
        var first = ZooSmokeTests.Build(name, overrides, data, 11);
        var run = new RunDirectory(dir.File("b"));
        var resumedLosses = new List<StepLosses>();
        new GanTrainer(first, data, options with { Epochs = 1 }, run, [new ZooSmokeTests.Collect(resumedLosses)]).Run();
        var second = ZooSmokeTests.Build(name, overrides, data, 999); // different init: the checkpoint must overwrite it
        var position = RunDirectory.Restore(second, run.LastCheckpoint);
        Assert.Equal(new TrainingPosition(1, 0, 3), position);
        new GanTrainer(second, data, options, run, [new ZooSmokeTests.Collect(resumedLosses)]).Run(position);

        Assert.Equal(Flatten(straightLosses), Flatten(resumedLosses));
        Weights.AssertSame(straight, second);
    }

    [Fact]
    public void CancellationLeavesAValidCheckpointThatResumes()
    {
        var data = TestData.Digits(3);
        using var dir = new TempDir();
        var run = new RunDirectory(dir.File("c"));
        var model = ZooSmokeTests.Build("gan", [], data, 3);
        using var cts = new CancellationTokenSource();
        var stopper = new StopAfter(2, cts);
        var outcome = new GanTrainer(model, data, new TrainerOptions { Epochs = 2, BatchSize = 8, MaxStepsPerEpoch = 3, Seed = 3 }, run, [stopper]).Run(null, cts.Token);
        Assert.True(outcome.Cancelled);
        var again = ZooSmokeTests.Build("gan", [], data, 3);
        var position = RunDirectory.Restore(again, run.LastCheckpoint);
        Assert.Equal(new TrainingPosition(0, 2, 2), position);
    }

    [Fact]
    public void TimedMidEpochCheckpointsLeaveTheRunUnchangedAndResumeBitIdentical()
    {
        var data = TestData.Digits(3);
        var options = new TrainerOptions { Epochs = 2, BatchSize = 8, MaxStepsPerEpoch = 3, Seed = 5, CheckpointEvery = 0, CheckpointMinutes = 30 };
        using var dir = new TempDir();
        var straight = ZooSmokeTests.Build("gan", [], data, 5);
        var straightLosses = new List<StepLosses>();
        new GanTrainer(straight, data, options with { CheckpointMinutes = 0 }, null, [new ZooSmokeTests.Collect(straightLosses)]).Run();

        // A clock that moves 20 minutes at every reading: every other step passes the 30 minutes.
        var store = new FirstMidEpochCopy(new RunDirectory(dir.File("timed")), dir.File("mid.safetensors"));
        var timed = ZooSmokeTests.Build("gan", [], data, 5);
        var timedLosses = new List<StepLosses>();
        new GanTrainer(timed, data, options, store, [new ZooSmokeTests.Collect(timedLosses)], new SteppingClock(TimeSpan.FromMinutes(20))).Run();
        Assert.Contains(store.Saved, p => p.Step > 0);
        Assert.Equal(Flatten(straightLosses), Flatten(timedLosses));
        Weights.AssertSame(straight, timed);

        var resumed = ZooSmokeTests.Build("gan", [], data, 999);
        var position = RunDirectory.Restore(resumed, dir.File("mid.safetensors"));
        Assert.True(position.Step > 0);
        new GanTrainer(resumed, data, options with { CheckpointMinutes = 0 }, null).Run(position);
        Weights.AssertSame(straight, resumed);
    }

    /// <summary>Saves into a run directory and keeps a copy of the first checkpoint written mid-epoch.</summary>
    private sealed class FirstMidEpochCopy(RunDirectory run, string copy) : ICheckpointStore
    {
        public List<TrainingPosition> Saved { get; } = [];

        public string Save(GanModel model, TrainerOptions options, TrainingPosition position)
        {
            var path = run.Save(model, options, position);
            if (position.Step > 0 && !File.Exists(copy)) File.Copy(path, copy);
            Saved.Add(position);
            return path;
        }
    }

    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += step.Ticks;
    }

    private static float[] Flatten(List<StepLosses> losses) => losses.SelectMany(l => l.Values.Select(p => p.Value)).ToArray();

    private sealed class StopAfter(int steps, CancellationTokenSource cts) : ITrainingObserver
    {
        private int _seen;

        public void OnStep(StepReport report)
        {
            if (++_seen == steps) cts.Cancel();
        }
    }
}

public class LossCsvResumeTests
{
    [Theory]
    [InlineData(2)] // inside the first epoch
    [InlineData(4)] // inside the second
    public void AfterAResumeMidEpochTheLossFilesEqualThoseOfAnUninterruptedRun(int cancelAfter)
    {
        var data = TestData.Digits(3);
        var options = new TrainerOptions { Epochs = 2, BatchSize = 8, MaxStepsPerEpoch = 3, Seed = 2 };
        using var dir = new TempDir();
        var straight = new RunDirectory(dir.File("a"));
        using (var losses = new Observers.LossCsvObserver(straight))
            new GanTrainer(ZooSmokeTests.Build("gan", [], data, 2), data, options, straight, [losses]).Run();

        var run = new RunDirectory(dir.File("b"));
        using var cancel = new CancellationTokenSource();
        using (var losses = new Observers.LossCsvObserver(run))
            new GanTrainer(ZooSmokeTests.Build("gan", [], data, 2), data, options, run, [losses, new CancelAfter(cancelAfter, cancel)]).Run(cancel: cancel.Token);
        // NOTE: a step written after the checkpoint (none here, but a kill could leave one) is dropped on resume.
        var resumed = ZooSmokeTests.Build("gan", [], data, 9);
        var position = RunDirectory.Restore(resumed, run.LastCheckpoint);
        using (var losses = new Observers.LossCsvObserver(run))
            new GanTrainer(resumed, data, options, run, [losses]).Run(position);

        Assert.Equal(File.ReadAllLines(straight.File("losses.csv")), File.ReadAllLines(run.File("losses.csv")));
        static string[] WithoutSeconds(string path) => [.. File.ReadAllLines(path).Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 1)))];
        Assert.Equal(WithoutSeconds(straight.File("epoch_losses.csv")), WithoutSeconds(run.File("epoch_losses.csv")));
        Assert.Equal(3, File.ReadAllLines(run.File("epoch_losses.csv")).Length);
    }

    private sealed class CancelAfter(int steps, CancellationTokenSource cancel) : ITrainingObserver
    {
        private int _seen;

        public void OnStep(StepReport report)
        {
            if (++_seen == steps) cancel.Cancel();
        }
    }
}
