using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GanAugment.NN.Checkpoints;

namespace GanAugment.Gans.Training;

/// <summary>
/// A training run on disk: <c>options.json</c> (model, options, data, seed), <c>checkpoints/</c>
/// (safetensors: <c>last</c> and the kept <c>epoch-NNNN</c>, see <see cref="TrainerOptions.KeepCheckpoints"/>), <c>losses.csv</c>, <c>epoch_losses.csv</c>,
/// <c>samples/</c> grids, <c>stats.csv</c> and <c>summary.json</c>. Every file is written through a
/// temporary file and a rename.
/// </summary>
public sealed partial class RunDirectory : ICheckpointStore
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
        // NOTE: last.safetensors first: it is what --resume reads, so a kill during the epoch file's write loses nothing.
        checkpoint.Save(LastCheckpoint);
        var file = CheckpointName(position);
        if (!IsKept(file, options, position)) return LastCheckpoint;
        var path = System.IO.Path.Combine(CheckpointsDir, file);
        checkpoint.Save(path);
        Prune(options, keep: file);
        return path;
    }

    /// <summary>
    /// On resume from <see cref="LastCheckpoint"/> at <paramref name="position"/>: when the run was
    /// killed after writing <c>last.safetensors</c> and before the epoch file that
    /// <paramref name="options"/> keep for that position (see <see cref="Save"/>), writes that file
    /// now. Both are the same checkpoint, so it is a copy of last's bytes.
    /// </summary>
    public void CompleteKeptCheckpoint(TrainerOptions options, TrainingPosition position)
    {
        var file = CheckpointName(position);
        var path = System.IO.Path.Combine(CheckpointsDir, file);
        if (!System.IO.File.Exists(LastCheckpoint) || System.IO.File.Exists(path) || !IsKept(file, options, position)) return;
        Data.Writers.AtomicFile.WriteAllBytes(path, System.IO.File.ReadAllBytes(LastCheckpoint));
    }

    /// <summary>
    /// The epoch file of <paramref name="position"/>: <c>epoch-NNNN</c> (adversarial names of earlier
    /// versions), <c>&lt;phase&gt;-epoch-NNNN</c> in a pretraining phase, <c>-step-SSSSSS</c> mid-epoch.
    /// </summary>
    public static string CheckpointName(TrainingPosition position)
    {
        var prefix = position.IsAdversarial ? "" : position.Phase + "-";
        return position.Step == 0
            ? $"{prefix}epoch-{position.Epoch:D4}.safetensors"
            : $"{prefix}epoch-{position.Epoch:D4}-step-{position.Step:D6}.safetensors";
    }

    /// <summary>
    /// Whether the epoch file of <paramref name="position"/> is kept besides <c>last.safetensors</c>:
    /// every <see cref="TrainerOptions.KeepCheckpoints"/>-th epoch of a phase and the run's final epoch.
    /// </summary>
    private static bool IsKept(string name, TrainerOptions options, TrainingPosition position) =>
        position.Step == 0 && (KeptEpoch(name, options) || (position.IsAdversarial && position.Epoch == options.Epochs));

    private static bool KeptEpoch(string name, TrainerOptions options) =>
        options.KeepCheckpoints > 0 && EpochFile().Match(name) is { Success: true } m && !m.Groups["step"].Success
        && int.Parse(m.Groups["epoch"].Value, CultureInfo.InvariantCulture) % options.KeepCheckpoints == 0;

    /// <summary>
    /// Deletes the epoch files that <see cref="TrainerOptions.KeepCheckpoints"/> does not keep (an
    /// earlier session's final epoch, a Ctrl+C mid-epoch file), except <paramref name="keep"/>.
    /// </summary>
    private void Prune(TrainerOptions options, string keep)
    {
        foreach (var file in Directory.EnumerateFiles(CheckpointsDir, "*.safetensors"))
        {
            var name = System.IO.Path.GetFileName(file);
            if (name != keep && EpochFile().IsMatch(name) && !KeptEpoch(name, options)) System.IO.File.Delete(file);
        }
    }

    /// <summary>
    /// Deletes the temporary files (<c>*.tmp</c>) that a killed process left in the run directory,
    /// its checkpoints and its samples; a new session calls it before it writes anything.
    /// </summary>
    public void RemoveStaleTemporaries()
    {
        foreach (var folder in new[] { Path, CheckpointsDir, SamplesDir })
            if (Directory.Exists(folder))
                foreach (var file in Directory.EnumerateFiles(folder, "*" + Data.Writers.AtomicFile.TemporarySuffix)) System.IO.File.Delete(file);
    }

    [GeneratedRegex(@"^(?:[a-z0-9-]+-)?epoch-(?<epoch>\d{4,})(?:-step-(?<step>\d+))?\.safetensors$")]
    private static partial Regex EpochFile();

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
