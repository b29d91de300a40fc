using GanAugment.Gans.Models;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Bagan;

public class BaganTests
{
    private static readonly TrainerOptions Quick = new() { Epochs = 2, BatchSize = 8, MaxStepsPerEpoch = 3, Seed = 5 };

    [Fact]
    public void Three_phases_run_and_give_finite_losses_and_fitted_latent()
    {
        var data = ToyImages.Shapes([24, 24, 6]);
        var model = new Models.Bagan(ToyImages.Spec(data), ToyImages.TinyBagan, new Rng(1));
        var phases = new PhaseRecorder();
        var outcome = new GanTrainer(model, data, Quick, null, [phases]).Run();

        Assert.False(outcome.Cancelled);
        Assert.Equal(2, phases.PretrainEpochs.Count); // AutoencoderEpochs 0: as many as the adversarial epochs
        Assert.Equal(2, phases.Epochs.Count);
        Assert.All(phases.PretrainEpochs.Concat(phases.Epochs).SelectMany(e => e.MeanLosses), l => Assert.True(float.IsFinite(l.Value), l.Key));
        Assert.Equal(["d", "d_real", "d_fake", "g"], phases.Epochs[0].MeanLosses.Select(l => l.Key));
        Assert.Equal([24, 24, 6], model.Latent.Counts);
        Assert.True(model.Latent.Ridges[2] > 0, "6 codes in 6 dimensions give a singular covariance");
        Assert.Equal(phases.EncoderTrunkAtPretrainEnd, phases.DiscriminatorTrunkAtPretrainEnd);

        var samples = model.Sample(5, [2, 2, 2, 0, 1], new Rng(9));
        Assert.Equal([5, 1, 16, 16], samples.ShapeArray);
        Assert.All(samples.ToArray(), v => Assert.InRange(v, -1f, 1f));
    }

    [Fact]
    public void Autoencoder_pretraining_lowers_the_reconstruction_error()
    {
        var data = ToyImages.Shapes([16, 16, 16]);
        var model = new Models.Bagan(ToyImages.Spec(data), ToyImages.TinyBagan with { AutoencoderEpochs = 12 }, new Rng(2));
        var phases = new PhaseRecorder();
        new GanTrainer(model, data, Quick with { Epochs = 1, MaxStepsPerEpoch = 6 }, null, [phases]).Run();
        var first = phases.PretrainEpochs[0].MeanLosses[0].Value;
        var last = phases.PretrainEpochs[^1].MeanLosses[0].Value;
        Assert.True(last < 0.7 * first, $"reconstruction MSE went from {first} to {last}");
    }

    [Fact]
    public void Same_seed_gives_the_same_samples()
    {
        var data = ToyImages.Shapes([12, 12, 4]);
        float[] Run()
        {
            var model = new Models.Bagan(ToyImages.Spec(data), ToyImages.TinyBagan, new Rng(3));
            new GanTrainer(model, data, Quick, null).Run();
            return model.Sample(6, [0, 1, 2, 0, 1, 2], new Rng(4)).ToArray();
        }
        Assert.Equal(Run(), Run());
    }

    [Theory]
    [InlineData(2)] // inside the first autoencoder epoch
    [InlineData(3)] // right after the first autoencoder epoch
    [InlineData(5)] // inside the last one
    public void Cancel_during_pretraining_checkpoints_and_resumes_bit_identically(int stepsBeforeCancel)
    {
        var data = ToyImages.Shapes([12, 12, 4]);
        using var dir = new TempDir();
        var straight = new Models.Bagan(ToyImages.Spec(data), ToyImages.TinyBagan, new Rng(3));
        new GanTrainer(straight, data, Quick, new RunDirectory(Path.Combine(dir.Path, "a"))).Run();

        var model = new Models.Bagan(ToyImages.Spec(data), ToyImages.TinyBagan, new Rng(3));
        var run = new RunDirectory(Path.Combine(dir.Path, "b"));
        using var cancel = new CancellationTokenSource();
        var outcome = new GanTrainer(model, data, Quick, run, [new CancelAfterPretrainSteps(cancel, stepsBeforeCancel)]).Run(cancel: cancel.Token);
        Assert.True(outcome.Cancelled);
        Assert.NotNull(outcome.LastCheckpoint);
        var resumed = new Models.Bagan(ToyImages.Spec(data), ToyImages.TinyBagan, new Rng(77));
        var position = RunDirectory.Restore(resumed, run.LastCheckpoint);
        Assert.Equal("autoencoder", position.Phase);
        new GanTrainer(resumed, data, Quick, run).Run(position);

        Weights.AssertSame(straight, resumed);
        Assert.Equal(straight.Sample(4, [0, 1, 2, 2], new Rng(4)).ToArray(), resumed.Sample(4, [0, 1, 2, 2], new Rng(4)).ToArray());
    }

    [Fact]
    public void Checkpoint_restores_networks_latent_and_ratios()
    {
        var data = ToyImages.Shapes([12, 12, 4]);
        var options = ToyImages.TinyBagan with { DiscriminatorSampling = ClassSampling.Rebalance, GeneratorSampling = ClassSampling.Rebalance };
        var model = new Models.Bagan(ToyImages.Spec(data), options, new Rng(3));
        using var dir = new TempDir();
        var run = new RunDirectory(dir.Path);
        var outcome = new GanTrainer(model, data, Quick, run).Run();

        var restored = new Models.Bagan(ToyImages.Spec(data), options, new Rng(99));
        var position = RunDirectory.Restore(restored, outcome.LastCheckpoint!);
        Assert.Equal(2, position.Epoch);
        Assert.Equal(model.ClassRatios.Generator, restored.ClassRatios.Generator);
        Assert.True(restored.ClassRatios.Generator[2] > restored.ClassRatios.Generator[0], "rebalance favours the rare class");
        Assert.Equal(model.Sample(4, [2, 2, 1, 0], new Rng(4)).ToArray(), restored.Sample(4, [2, 2, 1, 0], new Rng(4)).ToArray());
    }

    [Fact]
    public void Observer_writes_autoencoder_losses_latent_npy_and_comparison_grids()
    {
        var data = ToyImages.Shapes([12, 12, 4]);
        var model = new Models.Bagan(ToyImages.Spec(data), ToyImages.TinyBagan, new Rng(3));
        using var dir = new TempDir();
        var run = new RunDirectory(dir.Path);
        var observer = new BaganObserver(run, data, "2", every: 1);
        new GanTrainer(model, data, Quick, run, [new Observers.LossCsvObserver(run), observer]).Run();

        Assert.Equal(["epoch,seconds,reconstruction", "1", "2"], File.ReadAllLines(run.File("autoencoder_losses.csv")).Select(l => l.Split(',')[0] == "epoch" ? l : l.Split(',')[0]));
        var means = Data.Writers.NpyReader.Read(run.File("latent_means.npy"));
        var covariances = Data.Writers.NpyReader.Read(run.File("latent_covariances.npy"));
        Assert.Equal([3, 6], means.Shape);
        Assert.Equal([3, 6, 6], covariances.Shape);
        Assert.Equal(model.Latent.Means.ToArray(), means.ToSingle());
        foreach (var name in new[] { "cmp_class_2_init.png", "cmp_class_2_epoch_1.png", "cmp_class_2_epoch_2.png", "epoch_losses.csv" })
            Assert.True(File.Exists(run.File(name)), name);
        Assert.Equal(5, observer.Written.Count);
    }

    [Fact]
    public void Zoo_builds_bagan_with_enum_options()
    {
        var entry = Models.Bagan.Entry;
        var options = entry.Schema.Apply(entry.Defaults, new Dictionary<string, string> { ["generator-sampling"] = "rebalance", ["width"] = "8" });
        Assert.Equal(ClassSampling.Rebalance, options.GeneratorSampling);
        Assert.Equal(ClassSampling.Uniform, options.DiscriminatorSampling);
        Assert.Equal(8, options.Width);
        var error = Assert.Throws<Options.OptionException>(() => entry.Schema.Set(entry.Defaults, "generator-sampling", "sometimes"));
        Assert.Contains("uniform, rebalance, proportional", error.Message);
        Assert.Equal(100, entry.Defaults.LatentDim);
        Assert.Equal(5e-5, entry.Defaults.Adam.LearningRate);
    }

    [Fact]
    public void Non_square_or_odd_sizes_are_refused_with_one_message()
    {
        var odd = Assert.Throws<ArgumentException>(() => new Models.Bagan(new ImageSpec(1, 18, 18, ["a", "b"]), ToyImages.TinyBagan, new Rng(1)));
        Assert.Contains("28, 32, 64", odd.Message);
        var oblong = Assert.Throws<ArgumentException>(() => new Models.Bagan(new ImageSpec(1, 16, 32, ["a", "b"]), ToyImages.TinyBagan, new Rng(1)));
        Assert.Contains("square", oblong.Message);
    }

    private sealed class PhaseRecorder : ITrainingObserver
    {
        public List<EpochReport> PretrainEpochs { get; } = [];
        public List<EpochReport> Epochs { get; } = [];
        public float[]? EncoderTrunkAtPretrainEnd { get; private set; }
        public float[]? DiscriminatorTrunkAtPretrainEnd { get; private set; }

        public void OnEpochEnd(GanModel model, EpochReport report) => (report.IsAdversarial ? Epochs : PretrainEpochs).Add(report);

        public void OnPhaseEnd(GanModel model, string phase)
        {
            var networks = model.Networks().ToDictionary(n => n.Name, n => n.Module);
            EncoderTrunkAtPretrainEnd = Trunk(networks["encoder"]);
            DiscriminatorTrunkAtPretrainEnd = Trunk(networks["discriminator"]);
        }

        private static float[] Trunk(NN.Module module) =>
            [.. module.StateDict().Where(p => p.Key.StartsWith("trunk.", StringComparison.Ordinal)).SelectMany(p => p.Value.ToArray())];
    }

    private sealed class CancelAfterPretrainSteps(CancellationTokenSource source, int steps) : ITrainingObserver
    {
        private int _seen;

        public void OnStep(StepReport report)
        {
            if (!report.IsAdversarial && ++_seen == steps) source.Cancel();
        }
    }
}
