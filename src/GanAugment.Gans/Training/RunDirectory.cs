using System.Globalization;
using System.Text.Json;
using GanAugment.NN.Checkpoints;

namespace GanAugment.Gans.Training;

/// <summary>
/// A training run on disk: <c>options.json</c> (model, options, data, seed), <c>checkpoints/</c>
/// (safetensors: <c>epoch-NNNN</c> and <c>last</c>), <c>losses.csv</c>, <c>epoch_losses.csv</c>,
/// <c>samples/</c> grids, <c>stats.csv</c> and <c>summary.json</c>. Every file is written through a
/// temporary file and a rename.
/// </summary>
public sealed class RunDirectory : ICheckpointStore
{
    public const string ManifestFile = "options.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public RunDirectory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    public string CheckpointsDir => System.IO.Path.Combine(Path, "checkpoints");
    public string SamplesDir => System.IO.Path.Combine(Path, "samples");
    public string LastCheckpoint => System.IO.Path.Combine(CheckpointsDir, "last.safetensors");
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public bool HasManifest => System.IO.File.Exists(File(ManifestFile));

    public void WriteManifest(RunManifest manifest)
    {
        Directory.CreateDirectory(Path);
        WriteText(File(ManifestFile), Serialize(manifest));
    }

    /// <summary>The text of <c>options.json</c> for <paramref name="manifest"/>.</summary>
    public static string Serialize(RunManifest manifest) => JsonSerializer.Serialize(manifest, Json);

    public RunManifest ReadManifest()
    {
        var path = File(ManifestFile);
        if (!System.IO.File.Exists(path)) throw new FileNotFoundException($"{Path} is not a run directory: it has no {ManifestFile}");
        try
        {
            return JsonSerializer.Deserialize<RunManifest>(System.IO.File.ReadAllText(path))
                ?? throw new InvalidDataException($"{path}: empty manifest");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid run manifest ({e.Message})", e);
        }
    }

    public string Save(GanModel model, TrainerOptions options, TrainingPosition position)
    {
        var checkpoint = new Checkpoint
        {
            OptionsJson = JsonSerializer.Serialize((GanZoo.TryFind(model.Name)?.Values(model) ?? []).ToDictionary()),
            Seed = options.Seed,
            RngState = model.Rng.SaveState(),
        };
        foreach (var (name, module) in model.Networks()) checkpoint.Add(name, module.StateDict());
        foreach (var (name, optimizer) in model.Optimizers()) checkpoint.Add(name, optimizer.StateDict());
        checkpoint.Metadata["model"] = model.Name;
        checkpoint.Metadata["epoch"] = position.Epoch.ToString(CultureInfo.InvariantCulture);
        checkpoint.Metadata["step"] = position.Step.ToString(CultureInfo.InvariantCulture);
        checkpoint.Metadata["critic_steps"] = position.CriticSteps.ToString(CultureInfo.InvariantCulture);
        checkpoint.Metadata["phase"] = position.Phase;
        Directory.CreateDirectory(CheckpointsDir);
        // NOTE: adversarial checkpoints keep their names of earlier versions; a pretraining phase's carry its name.
        var prefix = position.IsAdversarial ? "" : position.Phase + "-";
        var path = position.Step == 0
            ? System.IO.Path.Combine(CheckpointsDir, $"{prefix}epoch-{position.Epoch:D4}.safetensors")
            : System.IO.Path.Combine(CheckpointsDir, $"{prefix}epoch-{position.Epoch:D4}-step-{position.Step:D6}.safetensors");
        checkpoint.Save(path);
        checkpoint.Save(LastCheckpoint);
        return path;
    }

    /// <summary>Loads a checkpoint into <paramref name="model"/> and returns where training stood.</summary>
    public static TrainingPosition Restore(GanModel model, string checkpointPath)
    {
        var checkpoint = Checkpoint.Load(checkpointPath);
        if (!checkpoint.Metadata.TryGetValue("model", out var name) || name != model.Name)
            throw new InvalidDataException($"{checkpointPath}: checkpoint of model '{name ?? "?"}', not '{model.Name}'");
        foreach (var (part, module) in model.Networks()) checkpoint.Restore(part, sd => module.LoadStateDict(sd));
        foreach (var (part, optimizer) in model.Optimizers()) checkpoint.Restore(part, optimizer);
        if (checkpoint.RngState is { } rng) model.Rng.RestoreState(rng);
        var phase = checkpoint.Metadata.TryGetValue("phase", out var p) ? p : TrainingPhase.Adversarial;
        return new TrainingPosition(Int(checkpoint, "epoch", checkpointPath), Int(checkpoint, "step", checkpointPath), Int(checkpoint, "critic_steps", checkpointPath), phase);
    }

    public void WriteSummary(object summary) => WriteText(File("summary.json"), JsonSerializer.Serialize(summary, Json));

    public static void WriteText(string path, string text) => Data.Writers.AtomicFile.WriteAllText(path, text, createFolder: true);

    private static int Int(Checkpoint c, string key, string path) =>
        c.Metadata.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
            ? i : throw new InvalidDataException($"{path}: checkpoint metadata has no valid '{key}'");
}
