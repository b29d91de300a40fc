using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Bagan;

/// <summary>The trainer counts every step of every phase (BAGAN's autoencoder, then adversarial) in its progress reports.</summary>
public class ScheduleProgressTests
{
    private static readonly TrainerOptions Quick = new() { Epochs = 2, BatchSize = 8, MaxStepsPerEpoch = 3, Seed = 5 };

    [Fact]
    public void Step_and_epoch_reports_count_the_steps_of_all_phases()
    {
        var data = ToyImages.Shapes([24, 24, 6]);
        var model = new Models.Bagan(ToyImages.Spec(data), ToyImages.TinyBagan with { AutoencoderEpochs = 3 }, new Rng(1));
        var reports = new Recorder();
        new GanTrainer(model, data, Quick, null, [reports]).Run();

        // 3 autoencoder epochs and 2 adversarial ones of 3 steps each.
        Assert.Equal(Enumerable.Range(1, 15).Select(i => (long)i), reports.Steps.Select(r => r.Progress!.StepsDone));
        Assert.All(reports.Steps, r => Assert.Equal((15L, 2), (r.Progress!.StepsTotal, r.Progress.Phases)));
        Assert.Equal([.. Enumerable.Repeat(0, 9), .. Enumerable.Repeat(1, 6)], reports.Steps.Select(r => r.Progress!.PhaseIndex));
        Assert.Equal([12L, 9, 6, 3, 0], reports.Epochs.Select(r => r.Progress!.StepsLeft));
        Assert.Equal(["autoencoder", "autoencoder", "autoencoder", "adversarial", "adversarial"], reports.Epochs.Select(r => r.Phase));
    }

    [Fact]
    public void A_model_without_pretraining_has_one_phase()
    {
        var data = ToyImages.Shapes([24, 24, 6]);
        var model = GanZoo.Create("gan", ToyImages.Spec(data), new Dictionary<string, string>(), new Rng(1));
        var reports = new Recorder();
        new GanTrainer(model, data, Quick, null, [reports]).Run();
        Assert.All(reports.Steps, r => Assert.False(r.Progress!.HasPretraining));
        Assert.Equal([3L, 0], reports.Epochs.Select(r => r.Progress!.StepsLeft));
    }

    private sealed class Recorder : ITrainingObserver
    {
        public List<StepReport> Steps { get; } = [];

        public List<EpochReport> Epochs { get; } = [];

        public void OnStep(StepReport report) => Steps.Add(report);

        public void OnEpochEnd(GanModel model, EpochReport report) => Epochs.Add(report);
    }
}
