using GanAugment.Cli.Rendering;
using GanAugment.Gans;
using GanAugment.Gans.Training;

namespace GanAugment.Cli.Tests.Rendering;

/// <summary>One progress display over every phase: each line names its phase, and the ETA counts the steps of all remaining phases at the current phase's pace.</summary>
public sealed class ProgressDisplayTests
{
    /// <summary>
    /// 2 autoencoder epochs then 2 adversarial ones, 2 steps each; autoencoder steps take 1 s,
    /// adversarial ones 3 s. After the first autoencoder epoch 6 steps are left at 1 s (0:06), after
    /// the second 4 (0:04); after the first adversarial epoch 2 at 3 s (0:06); then none.
    /// </summary>
    [Fact]
    public void Plain_lines_name_the_phase_and_the_eta_counts_every_remaining_phase()
    {
        var output = new StringWriter();
        var observer = new PlainProgressObserver(output, batchSize: 4);
        Feed(observer, [("autoencoder", 1.0), ("adversarial", 3.0)]);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("autoencoder epoch 1/2  2 steps  2.0 s", lines[0]);
        Assert.StartsWith("autoencoder epoch 2/2  2 steps", lines[1]);
        Assert.StartsWith("adversarial epoch 1/2  2 steps  6.0 s", lines[2]);
        Assert.StartsWith("adversarial epoch 2/2", lines[3]);
        Assert.Equal(["0:06", "0:04", "0:06", "0:00"], lines.Select(Eta));
    }

    [Fact]
    public void A_model_without_pretraining_keeps_unnamed_epoch_lines()
    {
        var output = new StringWriter();
        Feed(new PlainProgressObserver(output, batchSize: 4), [("adversarial", 2.0)]);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("epoch 1/2  2 steps  4.0 s  2.0 img/s  eta 0:04", lines[0]);
        Assert.Equal(["0:04", "0:00"], lines.Select(Eta));
    }

    [Fact]
    public void The_live_bar_names_the_phase_and_counts_all_steps()
    {
        var progress = new ScheduleProgress(PhaseIndex: 0, Phases: 2, StepsDone: 3, StepsTotal: 8);
        var report = new StepReport(1, 0, 2, 2, new StepLosses().Add("ae", 0.5f), 4.0, TimeSpan.FromSeconds(3), "autoencoder", progress);
        Assert.Equal("autoencoder epoch 2/2 step 1/2  4.0 img/s  eta 0:05", LiveProgressObserver.Describe(report, "0:05"));
        Assert.Equal(5, progress.StepsLeft);
    }

    private static string Eta(string line) => line.Split("eta ")[1].Split(' ')[0];

    /// <summary>Reports 2 epochs of 2 steps per phase, as the trainer does, each step taking the phase's seconds.</summary>
    private static void Feed(ITrainingObserver observer, (string Phase, double Seconds)[] phases)
    {
        var total = phases.Length * 4L;
        var (done, elapsed) = (0L, 0.0);
        for (var p = 0; p < phases.Length; p++)
        {
            for (var epoch = 0; epoch < 2; epoch++)
            {
                for (var step = 0; step < 2; step++)
                {
                    done++;
                    elapsed += phases[p].Seconds;
                    observer.OnStep(new StepReport(epoch, step, 2, 2, new StepLosses().Add("l", 1f), 4 / phases[p].Seconds, TimeSpan.FromSeconds(elapsed),
                        phases[p].Phase, new ScheduleProgress(p, phases.Length, done, total)));
                }
                observer.OnEpochEnd(null!, new EpochReport(epoch, 2, [new("l", 1f)], TimeSpan.FromSeconds(2 * phases[p].Seconds), phases[p].Phase,
                    new ScheduleProgress(p, phases.Length, done, total)));
            }
        }
    }
}
