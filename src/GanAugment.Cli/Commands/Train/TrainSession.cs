using GanAugment.Cli.Infrastructure;
using GanAugment.Data.Catalogue;
using GanAugment.Data.Images;
using GanAugment.Gans;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Cli.Commands.Train;

/// <summary>
/// Everything a training session needs, prepared from the command line: a fresh model built
/// from the zoo with the paper's defaults plus overrides, or a model restored from a run's last
/// checkpoint (<see cref="Position"/> is where it stopped; null when it stopped before its first).
/// </summary>
internal sealed record TrainSession(
    RunDirectory Run,
    GanModel Model,
    TrainingSource Data,
    TrainingData Train,
    TrainerOptions Trainer,
    TrainingPosition? Position)
{
    /// <summary>Options a resumed run takes from its manifest and that may not be given again.</summary>
    private static readonly string[] FixedOnResume = ["--data", "--path", "--target", "--discrete", "--series", "--attributes", "--batch-size", "--lr", "--latent-dim", "--seed", "--max-steps", "--option", "--target-class", "--unbalance", "--drop", "--train-classes", "--test-classes"];

    public static TrainSession Start(TrainSettings s, RunDirectory run, CliContext context)
    {
        if (s.Data is null) throw UsageException.For("--data", "is required: a catalogue name (see `ganaug data list`), a folder of MNIST-layout IDX files or an image folder of class sub-folders");
        if (run.HasManifest)
            throw UsageException.For("--out", $"{run.Path} already holds a run; pass --resume to continue it, or choose another --out");
        var entry = GanZoo.Find(s.Model);
        var data = TrainingSource.FromOptions(s.Data, s.DataPath, s.Target, s.Series, s.Discrete, s.Attributes);
        if (s.TargetClass is not null && data.Kind != "images")
            throw UsageException.For("--target-class", "cuts classes of an image set; tables and series keep their natural imbalance");
        if ((s.TrainClasses ?? s.TestClasses) is not null && data.Kind != "images")
            throw UsageException.For(s.TrainClasses is null ? "--test-classes" : "--train-classes", "selects classes of an image set");
        var (train, split) = data.Load(context, entry, split =>
        {
            if (s.TargetClass is not { } target) return split;
            var imbalance = new TrainImbalance(TrainImbalance.ParseClasses(target, split.Train.ClassNames), s.Keep, s.Trainer.Seed);
            imbalance.Save(run);
            return split with { Train = imbalance.Apply(split.Train) };
        });
        if ((s.TrainClasses ?? s.TestClasses) is not null)
        {
            var classes = TrainClasses.Parse(s.TrainClasses, s.TestClasses, split!.Train.ClassNames);
            train = classes.Apply(train, split);
            classes.Save(run);
        }
        GanModel model;
        try
        {
            model = entry.Create(train.Spec, s.ModelOverrides, new Rng(s.Trainer.Seed));
        }
        catch (Gans.Options.OptionException e)
        {
            throw UsageException.For("--option", e.Message);
        }
        return new TrainSession(run, model, data, train, s.Trainer, null);
    }

    public static TrainSession Resume(TrainSettings s, RunDirectory run, CliContext context)
    {
        if (!run.HasManifest) throw UsageException.For("--resume", $"{run.Path} holds no run to resume (no {RunDirectory.ManifestFile}); check --out");
        var manifest = run.ReadManifest();
        if (manifest.Model != s.Model)
            throw UsageException.For("<model>", $"the run in {run.Path} trains '{manifest.Model}', not '{s.Model}'");
        if (FixedOnResume.FirstOrDefault(s.Given.Contains) is { } fixedOption)
            throw UsageException.For(fixedOption, $"cannot change when resuming: the run keeps the data and options in {run.File(RunDirectory.ManifestFile)}");
        var trainer = manifest.Trainer with
        {
            Epochs = s.Given.Contains("--epochs") ? s.Trainer.Epochs : manifest.Trainer.Epochs,
            SampleEvery = s.Given.Contains("--sample-every") ? s.Trainer.SampleEvery : manifest.Trainer.SampleEvery,
            CheckpointEvery = s.Given.Contains("--checkpoint-every") ? s.Trainer.CheckpointEvery : manifest.Trainer.CheckpointEvery,
            CheckpointMinutes = s.Given.Contains("--checkpoint-minutes") ? s.Trainer.CheckpointMinutes : manifest.Trainer.CheckpointMinutes,
            KeepCheckpoints = s.Given.Contains("--keep-checkpoints") ? s.Trainer.KeepCheckpoints : manifest.Trainer.KeepCheckpoints,
            StatsSamples = s.Given.Contains("--stats-samples") ? s.Trainer.StatsSamples : manifest.Trainer.StatsSamples,
        };
        var data = TrainingSource.FromManifest(manifest.Data);
        var imbalance = TrainImbalance.Load(run);
        var (train, split) = data.Load(context, GanZoo.Find(manifest.Model), split => imbalance is null ? split : split with { Train = imbalance.Apply(split.Train) }, RunDirectory.ManifestFile);
        if (TrainClasses.Load(run) is { } classes) train = classes.Apply(train, split!);
        var model = manifest.CreateModel();
        // NOTE: a run killed before its first checkpoint lost only that work: it starts again from its manifest.
        var position = File.Exists(run.LastCheckpoint) ? RunDirectory.Restore(model, run.LastCheckpoint) : null;
        // NOTE: a kill between last.safetensors and the epoch file it is also kept as leaves that file missing.
        if (position is not null) run.CompleteKeptCheckpoint(trainer, position);
        if (position is null) context.Out.WriteLine($"{run.Path} has no checkpoint yet: training starts from the beginning");
        return new TrainSession(run, model, data, train, trainer, position);
    }

    /// <summary>Writes (or, on resume, updates) the run's manifest.</summary>
    public void WriteManifest() => Run.WriteManifest(RunManifest.For(Model, Data.ManifestText, Trainer));
}
