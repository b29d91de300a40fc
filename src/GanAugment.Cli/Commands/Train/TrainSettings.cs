using System.CommandLine;
using System.Globalization;
using GanAugment.Gans.Training;
using Def = GanAugment.Cli.Commands.Train.TrainCommandDefinition;

namespace GanAugment.Cli.Commands.Train;

/// <summary>
/// What <c>ganaug train</c> was asked for, mapped from the command line. <see cref="Given"/> holds
/// the options typed explicitly, so a resumed run can tell a new value from a default.
/// </summary>
internal sealed record TrainSettings(
    string Model,
    string? Data,
    string? DataPath,
    string Out,
    TrainerOptions Trainer,
    IReadOnlyDictionary<string, string> ModelOverrides,
    int? Threads,
    bool Resume,
    IReadOnlySet<string> Given,
    string? TargetClass = null,
    double Keep = 0.05,
    string? Target = null,
    string? Series = null,
    IReadOnlyList<string>? Discrete = null,
    string? TrainClasses = null,
    string? TestClasses = null,
    bool TensorBoard = true,
    IReadOnlyList<string>? Attributes = null)
{
    public static TrainSettings From(ParseResult r)
    {
        var model = r.GetRequiredValue(Def.Model);
        var data = r.GetValue(Def.Data);
        var overrides = new Dictionary<string, string>(r.GetValue(Def.ModelOptions)!, StringComparer.OrdinalIgnoreCase);
        if (r.GetValue(Def.LearningRate) is { } lr) AddOverride(overrides, "learning-rate", lr.ToString("R", CultureInfo.InvariantCulture), "--lr");
        if (r.GetValue(Def.LatentDim) is { } latent) AddOverride(overrides, "latent-dim", latent.ToString(CultureInfo.InvariantCulture), "--latent-dim");
        var trainer = new TrainerOptions
        {
            Epochs = r.GetValue(Def.Epochs),
            BatchSize = r.GetValue(Def.BatchSize),
            CheckpointEvery = r.GetValue(Def.CheckpointEvery),
            CheckpointMinutes = r.GetValue(Def.CheckpointMinutes),
            KeepCheckpoints = r.GetValue(Def.KeepCheckpoints),
            SampleEvery = r.GetValue(Def.SampleEvery),
            StatsSamples = r.GetValue(Def.StatsSamples),
            MaxStepsPerEpoch = r.GetValue(Def.MaxSteps),
            Seed = r.GetValue(Def.Seed),
        };
        Option[] all = [Def.Data, Def.DataPath, Def.Epochs, Def.BatchSize, Def.LearningRate, Def.LatentDim, Def.Seed, Def.Out,
            Def.SampleEvery, Def.CheckpointEvery, Def.CheckpointMinutes, Def.KeepCheckpoints, Def.StatsSamples, Def.MaxSteps, Def.ModelOptions, Def.TargetClass, Def.Unbalance, Def.Drop, Def.Target, Def.Series, Def.Discrete, Def.Attributes, Def.TrainClasses, Def.TestClasses];
        var given = all.Where(o => Def.Given(r, o)).Select(o => o.Name).ToHashSet();
        var dataName = data is null ? "data" : Path.GetFileName(Path.TrimEndingDirectorySeparator(data));
        return new TrainSettings(
            model, data, r.GetValue(Def.DataPath), r.GetValue(Def.Out) ?? Path.Combine("runs", $"{model}-{dataName}"),
            trainer, overrides, r.GetValue(Def.Threads), r.GetValue(Def.Resume), given,
            r.GetValue(Def.TargetClass), TrainImbalance.KeepFrom(r.GetValue(Def.Unbalance), r.GetValue(Def.Drop)), r.GetValue(Def.Target), r.GetValue(Def.Series),
            Names(r, Def.Discrete), r.GetValue(Def.TrainClasses), r.GetValue(Def.TestClasses), !r.GetValue(Def.NoTensorBoard), Names(r, Def.Attributes));
    }

    /// <summary>The names of a repeatable, comma-separated option, or null when it is not given.</summary>
    private static IReadOnlyList<string>? Names(ParseResult r, Option<string[]> option) =>
        Def.Given(r, option) ? [.. r.GetValue(option)!.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))] : null;

    private static void AddOverride(Dictionary<string, string> overrides, string name, string value, string option)
    {
        static string Key(string k) => k.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        if (overrides.Keys.Any(k => Key(k) == Key(name)))
            throw Infrastructure.UsageException.For(option, $"sets the model option '{name}', which --option sets too; give it once");
        overrides[name] = value;
    }
}
