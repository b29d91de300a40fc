using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Infrastructure;
using GanAugment.Cli.Rendering;
using GanAugment.Data.Catalogue;
using GanAugment.Data.Images;
using GanAugment.Evaluation.Augmentation;
using GanAugment.Gans;
using GanAugment.Tensors;
using Def = GanAugment.Cli.Commands.Augment.AugmentCommandDefinition;

namespace GanAugment.Cli.Commands.Augment;

/// <summary>
/// <c>ganaug augment</c>: loads a run's conditional model and a data set, plans how many images
/// each class needs, generates them and writes the augmented set with its manifest.
/// </summary>
internal static class AugmentCommand
{
    public static int Run(ParseResult parse, CliContext context)
    {
        var output = parse.GetValue(Def.Out) ?? throw UsageException.For("--out", "is required: a new folder for the augmented data set");
        var format = parse.GetValue(Def.Format) switch
        {
            "idx" => AugmentFormat.Idx,
            "folder" => AugmentFormat.ImageFolder,
            var other => throw UsageException.For("--format", $"takes idx or folder, got '{other}'"),
        };
        if (parse.GetValue(Def.UpTo) is not null && parse.GetValue(Def.Ratio) is not null)
            throw UsageException.For("--ratio", "and --up-to both set the goal; give one");
        if (parse.GetValue(Def.Threads) is { } threads) EngineSettings.Threads = threads;

        var run = RunArgument.Open(parse.GetValue(Def.Run)!);
        var manifest = run.ReadManifest();
        var model = RunArgument.LoadModel(run, manifest, parse.GetValue(Def.Checkpoint));
        if (!model.TakesLabels)
            throw UsageException.For("<run>", $"the run trains '{model.Name}' without labels, which cannot make images of a chosen class; use bagan, acgan, cgan, or wgan/wgan-gp with conditional=true");
        var data = parse.GetValue(Def.Data) is { } name ? DataSelection.FromOptions(name, parse.GetValue(Def.DataPath)) : DataSelection.FromManifest(manifest.Data);
        var catalogue = DatasetCatalogue.CreateBuiltIn();
        var split = data.Load(catalogue, context, option: parse.GetValue(Def.Data) is null ? "<run>" : "--data");
        // NOTE: without --data the set is the run's as trained, with its cut (imbalance.json or training_set.json).
        if (parse.GetValue(Def.Data) is null) split = split with { Train = TrainedSet.Of(run, manifest, split.Train, data) };
        CheckShape(model.Spec as ImageSpec ?? throw UsageException.For("<run>", $"'{model.Name}' was trained on {ModelEntry.Describe(model.Spec.Modality)}; augment takes image runs"), split.Train, data);

        var target = Target(parse, split.Train.ClassNames);
        var counts = split.Train.ClassCounts();
        int[] extra;
        try
        {
            extra = target.Plan(counts);
        }
        catch (ArgumentException e)
        {
            throw UsageException.For(parse.GetValue(Def.UpTo) is null ? "--classes" : "--up-to", e.Message);
        }
        if (extra.Sum() == 0) throw NothingToAdd(parse, data, counts, target);
        var checkpoint = Path.GetFullPath(parse.GetValue(Def.Checkpoint) ?? run.LastCheckpoint);
        var source = new GanSource(model, $"{model.Name} run {run.Path} checkpoint {Path.GetFileName(checkpoint)}");
        context.Out.WriteLine($"augmenting {data} ({split.Train.Count} training images) with {model.Name} from {run.Path}: {extra.Sum()} synthetic images");
        var augmented = Augmenter.Augment(split.Train, extra, source, new Rng(parse.GetValue(Def.Seed)));
        var inputs = new List<string> { run.Path, data.Where(catalogue, context) };
        var details = new Dictionary<string, string>
        {
            ["model"] = model.Name,
            ["run"] = run.Path,
            ["checkpoint"] = checkpoint,
            ["data"] = data.ManifestText,
            ["seed"] = parse.GetValue(Def.Seed).ToString(CultureInfo.InvariantCulture),
        };
        var written = AugmentedDatasetWriter.Write(augmented, split.Test, output, format, inputs, parse.GetValue(Def.Overwrite), details);

        var synthetic = augmented.SyntheticCounts();
        var table = Tables.Create("class", "name", "before", "added", "after").RightAlign(0, 2, 3, 4);
        for (var c = 0; c < counts.Length; c++)
            table.AddTextRow(c.ToString(CultureInfo.InvariantCulture), split.Train.ClassNames[c], counts[c].ToString(CultureInfo.InvariantCulture),
                synthetic[c].ToString(CultureInfo.InvariantCulture), (counts[c] + synthetic[c]).ToString(CultureInfo.InvariantCulture));
        ConsoleFactory.Create(context).Write(table);
        context.Out.WriteLine($"augmented data set: {written}");
        context.Out.WriteLine($"manifest: {Path.Combine(written, AugmentedDatasetWriter.ManifestCsv)}");
        return ExitCodes.Success;
    }

    private static AugmentTarget Target(ParseResult parse, IReadOnlyList<string> classNames)
    {
        var target = parse.GetValue(Def.UpTo) is { } upTo ? new AugmentTarget { Mode = AugmentMode.Count, Count = upTo }
            : parse.GetValue(Def.Ratio) is { } ratio ? new AugmentTarget { Mode = AugmentMode.Ratio, Ratio = ratio }
            : new AugmentTarget();
        return parse.GetValue(Def.Classes) is { } text ? target with { Classes = ClassArgument.ResolveList(text, classNames, "--classes") } : target;
    }

    /// <summary>The error when every class is already at the goal, naming the option that set the goal (or the set).</summary>
    private static UsageException NothingToAdd(ParseResult parse, DataSelection data, int[] counts, AugmentTarget target)
    {
        var asTrained = parse.GetValue(Def.Data) is null;
        var option = parse.GetValue(Def.UpTo) is not null ? "--up-to" : parse.GetValue(Def.Ratio) is not null ? "--ratio" : asTrained ? "<run>" : "--data";
        return UsageException.For(option, string.Create(CultureInfo.InvariantCulture,
            $"nothing to add: {data}{(asTrained ? " as the run was trained" : "")} has per class {string.Join(" ", counts)}, every {(target.Classes is null ? "" : "chosen ")}class already at the goal; raise --up-to or --ratio, or name other --classes"));
    }

    private static void CheckShape(ImageSpec spec, ImageDataset train, DataSelection data)
    {
        if (spec.Channels != train.Channels || spec.Height != train.Height || spec.Width != train.Width || spec.ClassCount != train.ClassCount)
            throw UsageException.For("--data", string.Create(CultureInfo.InvariantCulture,
                $"{data} has {train.ClassCount} classes of {train.Channels}x{train.Height}x{train.Width} images; the model makes {spec.ClassCount} classes of {spec.Channels}x{spec.Height}x{spec.Width}"));
    }
}
