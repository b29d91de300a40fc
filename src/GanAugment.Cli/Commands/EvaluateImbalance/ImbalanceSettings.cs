using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Infrastructure;
using GanAugment.Data.Images;
using GanAugment.Evaluation.Imbalance;
using GanAugment.Evaluation.Sharding;
using Def = GanAugment.Cli.Commands.EvaluateImbalance.EvaluateImbalanceCommandDefinition;

namespace GanAugment.Cli.Commands.EvaluateImbalance;

/// <summary>
/// What <c>ganaug evaluate imbalance</c> was asked for: the data, the target-class text (resolved
/// once the data set's classes are known) and the experiment without its target classes.
/// </summary>
internal sealed record ImbalanceSettings(string Data, string? DataPath, string TargetClass, ImbalanceExperiment Experiment, string? Out, int? Threads, Shard Shard)
{
    public static ImbalanceSettings From(ParseResult r, Func<string, string?> environment)
    {
        var data = r.GetValue(Def.Data) ?? throw UsageException.For("--data", "is required: a catalogue name (see `ganaug data list`), a folder of MNIST-layout IDX files or an image folder of class sub-folders");
        var target = r.GetValue(Def.TargetClass) ?? throw UsageException.For("--target-class", "is required: the minority class (e.g. 0), several (0,3) or 'all'");
        var experiment = new ImbalanceExperiment
        {
            TargetClasses = [0],
            Keep = Keep(r.GetValue(Def.Unbalance), r.GetValue(Def.Drop)),
            Seeds = r.GetValue(Def.Seeds),
            Seed = r.GetValue(Def.Seed),
            Methods = Methods(r.GetValue(Def.Methods)),
            Classifier = new ClassifierOptions
            {
                Width = r.GetValue(Def.ClassifierWidth),
                Hidden = r.GetValue(Def.ClassifierHidden),
                Epochs = r.GetValue(Def.ClassifierEpochs),
                MaxStepsPerEpoch = r.GetValue(Def.ClassifierMaxSteps),
            },
            RetrainGenerators = r.GetValue(Def.RetrainGenerators),
            GridScale = GridScale(r.GetValue(Def.GridScale)),
        };
        var epochs = r.GetValue(Def.GanEpochs);
        var maxSteps = r.GetValue(Def.GanMaxSteps);
        experiment = ImbalanceDefaults.WithGenerators(experiment, epochs, maxSteps, r.GetValue(Def.GanModel)!,
            r.GetValue(Def.BaganOptions)!, r.GetValue(Def.AcGanOptions)!, r.GetValue(Def.GanOptions)!);
        experiment = ImbalanceDefaults.WithTensorBoard(experiment, !r.GetValue(Def.NoTensorBoard));
        return new ImbalanceSettings(data, r.GetValue(Def.DataPath), target, experiment, r.GetValue(Def.Out), r.GetValue(Def.Threads), ShardOption.From(r, Def.Shard, environment));
    }

    /// <summary>The --grid-scale of evaluate imbalance and the demo (at least 1 by its parser).</summary>
    public static int GridScale(int scale) =>
        scale <= 16 ? scale : throw UsageException.For("--grid-scale", $"{scale} is more than 16: the grids would be very large");

    /// <summary>The target classes, one group per protocol: "2" and "0,3" give one group, "all" one group per class.</summary>
    public IReadOnlyList<int[]> TargetGroups(ImageDataset train)
    {
        if (string.Equals(TargetClass.Trim(), "all", StringComparison.OrdinalIgnoreCase))
            return [.. Enumerable.Range(0, train.ClassCount).Select(c => new[] { c })];
        var classes = ClassArgument.ResolveList(TargetClass, train.ClassNames, "--target-class");
        if (classes.Length >= train.ClassCount) throw UsageException.For("--target-class", "leaves no majority class; give fewer classes or 'all' (one protocol per class)");
        return [[.. classes]];
    }

    /// <summary>The output folder of a group (a sub-folder per class with 'all').</summary>
    public string Folder(IReadOnlyList<int[]> groups, int[] group)
    {
        var u = Experiment.Keep.ToString(CultureInfo.InvariantCulture);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Data));
        var root = Out ?? Path.Combine("runs", $"imbalance-{name}-c{(groups.Count > 1 ? "all" : string.Join("-", group))}-u{u}");
        var folder = groups.Count > 1 ? Path.Combine(root, $"class_{group[0]}") : root;
        return Shard.IsWhole ? folder : Path.Combine(folder, ShardOption.FolderName(Shard));
    }

    private static double Keep(double? unbalance, double? drop)
    {
        if (unbalance is not null && drop is not null) throw UsageException.For("--drop", "and --unbalance say the same thing; give one (--drop d is --unbalance 1-d)");
        var keep = unbalance ?? (drop is { } d ? 1 - d : 0.05);
        if (!(keep > 0 && keep < 1))
            throw UsageException.For(drop is null ? "--unbalance" : "--drop", $"must leave a fraction of the class in (0, 1), got {keep.ToString(CultureInfo.InvariantCulture)} kept");
        return keep;
    }

    private static IReadOnlyList<ImbalanceMethod> Methods(string? text)
    {
        if (text is null) return ImbalanceMethods.All;
        try
        {
            var methods = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ImbalanceMethods.Parse).Distinct().ToList();
            return methods.Count > 0 ? methods : throw new ArgumentException("no method given");
        }
        catch (ArgumentException e)
        {
            throw UsageException.For("--methods", e.Message);
        }
    }
}
