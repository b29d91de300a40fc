using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Latent;

/// <summary>Small BiGAN and AAE builds for the latent-model tests.</summary>
internal static class LatentToys
{
    public static readonly TrainerOptions Quick = new() { Epochs = 2, BatchSize = 8, MaxStepsPerEpoch = 3, Seed = 13, SampleEvery = 0 };

    public static GanModel Build(string name, DataSpec spec, ulong seed, params string[] overrides) =>
        GanZoo.Create(name, spec, overrides.Select(o => o.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1])), new Rng(seed));

    public static TableData Table() => new(Modalities.ModalityTests.MixedTable(), "label");

    /// <summary>All losses of a run, in order.</summary>
    public static float[] Train(GanModel model, TrainingData data, TrainerOptions options, ICheckpointStore? store = null, TrainingPosition? from = null)
    {
        var losses = new List<StepLosses>();
        new GanTrainer(model, data, options, store, [new ZooSmokeTests.Collect(losses)]).Run(from);
        return [.. losses.SelectMany(l => l.Values.Select(p => p.Value))];
    }

    /// <summary>
    /// Trains two epochs straight, and one epoch then a resume from the checkpoint into a model
    /// built with another seed; returns both loss sequences and both final models.
    /// </summary>
    public static (float[] Straight, float[] Resumed, GanModel A, GanModel B) StraightAndResumed(string name, TrainingData data, string dir, params string[] overrides)
    {
        var straight = Build(name, data.Spec, 11, overrides);
        var a = Train(straight, data, Quick, new RunDirectory(Path.Combine(dir, "a")));
        var run = new RunDirectory(Path.Combine(dir, "b"));
        var first = Train(Build(name, data.Spec, 11, overrides), data, Quick with { Epochs = 1 }, run);
        var second = Build(name, data.Spec, 999, overrides);
        var position = RunDirectory.Restore(second, run.LastCheckpoint);
        var rest = Train(second, data, Quick, run, position);
        return (a, [.. first, .. rest], straight, second);
    }
}
