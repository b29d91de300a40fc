using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Infrastructure;
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
        if (parse.GetValue(Def.Count) is not null && parse.GetValue(Def.Ratio) is not null)
            throw UsageException.For("--ratio", "and --count both set the goal; give one");
        if (parse.GetValue(Def.Threads) is { } threads) EngineSettings.Threads = threads;

        var run = RunArgument.Open(parse.GetValue(Def.Run)!);
        var manifest = run.ReadManifest();
        var model = RunArgument.LoadModel(run, manifest, parse.GetValue(Def.Checkpoint));
        if (model.Conditioning == ConditionKind.Source || parse.GetValue(Def.PerImage) is not null)
            return AugmentPerImage.Run(parse, context, run, manifest, model, output, format);
        if (!model.TakesLabels)
            throw UsageException.For("<run>", $"the run trains '{model.Name}' without labels, which cannot make images of a chosen class; use bagan, acgan, cgan, or wgan/wgan-gp with conditional=true");
        var data = parse.GetValue(Def.Data) is { } name ? DataSelection.FromOptions(name, parse.GetValue(Def.DataPath)) : DataSelection.FromManifest(manifest.Data);
        var catalogue = DatasetCatalogue.CreateBuiltIn();
        var split = data.Load(catalogue, context, option: parse.GetValue(Def.Data) is null ? "<run>" : "--data");
        // NOTE: without --data the set is the run's as trained, i.e. with its --target-class cut (imbalance.json).
        if (parse.GetValue(Def.Data) is null && Train.TrainImbalance.Load(run) is { } imbalance) split = split with { Train = imbalance.Apply(split.Train) };
        CheckShape(model.Spec as ImageSpec ?? throw UsageException.For("<run>", $"'{model.Name}' was trained on {ModelEntry.Describe(model.Spec.Modality)}; augment takes image runs"), split.Train, data);

        var target = Target(parse, split.Train.ClassCount);
        var counts = split.Train.ClassCounts();
        int[] extra;
        try
        {
            extra = target.Plan(counts);
        }
        catch (ArgumentException e)
        {
            throw UsageException.For(parse.GetValue(Def.Count) is null ? "--classes" : "--count", e.Message);
        }
        var checkpoint = Path.GetFullPath(parse.GetValue(Def.Checkpoint) ?? run.LastCheckpoint);
        var source = new GanSource(model, $"{model.Name} run {run.Path} checkpoint {Path.GetFileName(checkpoint)}");
        context.Out.WriteLine($"augmenting {data} ({split.Train.Count} training images) with {model.Name} from {run.Path}: {extra.Sum()} synthetic images");
        var augmented = Augmenter.Augment(split.Train, extra, source, new Rng(parse.GetValue(Def.Seed)));
        var inputs = new List<string> { run.Path, catalogue.Resolve(data.Request(context)).Folder };
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
        for (var c = 0; c < counts.Length; c++)
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  class {c} ({split.Train.ClassNames[c]}): {counts[c]} real + {synthetic[c]} synthetic = {counts[c] + synthetic[c]}"));
        context.Out.WriteLine($"augmented data set: {written}");
        context.Out.WriteLine($"manifest: {Path.Combine(written, AugmentedDatasetWriter.ManifestCsv)}");
        return ExitCodes.Success;
    }

    private static AugmentTarget Target(ParseResult parse, int classCount)
    {
        var target = parse.GetValue(Def.Count) is { } count ? new AugmentTarget { Mode = AugmentMode.Count, Count = count }
            : parse.GetValue(Def.Ratio) is { } ratio ? new AugmentTarget { Mode = AugmentMode.Ratio, Ratio = ratio }
            : new AugmentTarget();
        if (parse.GetValue(Def.Classes) is not { } text) return target;
        var classes = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c >= classCount)
                throw UsageException.For("--classes", $"'{part}' is not a class of this data set (0..{classCount - 1})");
            classes.Add(c);
        }
        return target with { Classes = classes };
    }

    private static void CheckShape(ImageSpec spec, ImageDataset train, DataSelection data)
    {
        if (spec.Channels != train.Channels || spec.Height != train.Height || spec.Width != train.Width || spec.ClassCount != train.ClassCount)
            throw UsageException.For("--data", string.Create(CultureInfo.InvariantCulture,
                $"{data} has {train.ClassCount} classes of {train.Channels}x{train.Height}x{train.Width} images; the model makes {spec.ClassCount} classes of {spec.Channels}x{spec.Height}x{spec.Width}"));
    }
}
