using System.CommandLine;
using GanAugment.Gans;
using GanAugment.Gans.Training;

namespace GanAugment.Cli.Infrastructure;

/// <summary>The &lt;run&gt; argument of sample and evaluate, and how a trained model is brought back from it.</summary>
internal static class RunArgument
{
    public static Argument<string> Create(string description) => new("run") { Description = description, HelpName = "run dir" };

    /// <summary>The run directory, which must hold a manifest.</summary>
    public static RunDirectory Open(string path)
    {
        if (!Directory.Exists(path)) throw UsageException.For("<run>", $"{Path.GetFullPath(path)} does not exist; pass the --out folder of a `ganaug train` run");
        var run = new RunDirectory(path);
        if (!run.HasManifest) throw UsageException.For("<run>", $"{run.Path} is not a run directory: it has no {RunDirectory.ManifestFile}");
        return run;
    }

    /// <summary>The model of <paramref name="run"/> with the weights of <paramref name="checkpoint"/> (default: the last one).</summary>
    public static GanModel LoadModel(RunDirectory run, RunManifest manifest, string? checkpoint, string checkpointOption = "--checkpoint")
    {
        var path = checkpoint ?? run.LastCheckpoint;
        if (!File.Exists(path))
            throw checkpoint is null
                ? UsageException.For("<run>", $"{run.Path} has no checkpoint yet ({path}); train it first")
                : UsageException.For(checkpointOption, $"{Path.GetFullPath(path)} does not exist");
        var model = manifest.CreateModel();
        RunDirectory.Restore(model, path);
        return model;
    }
}
