using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Infrastructure;
using GanAugment.Data.Catalogue;
using GanAugment.Data.FewShot;
using GanAugment.Data.Writers;
using GanAugment.Evaluation.FewShot;
using GanAugment.Evaluation.Sharding;
using GanAugment.Gans;
using GanAugment.Tensors;
using Def = GanAugment.Cli.Commands.EvaluateFewShot.EvaluateFewShotCommandDefinition;

namespace GanAugment.Cli.Commands.EvaluateFewShot;

/// <summary><c>ganaug evaluate fewshot</c>: maps the options, runs <see cref="FewShotProtocol"/> with progress lines and writes the report.</summary>
internal static class EvaluateFewShotCommand
{
    public static int Run(ParseResult parse, CliContext context)
    {
        var output = parse.GetValue(Def.Out) ?? throw UsageException.For("--out", "is required: a folder for fewshot.md and the CSV files");
        var dataName = parse.GetValue(Def.Data) ?? throw UsageException.For("--data", "is required: the image set whose held-out classes the classifiers learn");
        if (parse.GetValue(Def.Threads) is { } threads) EngineSettings.Threads = threads;
        var shots = ParseShots(parse.GetValue(Def.Shots)!);
        var shard = ShardOption.From(parse, Def.Shard, context.Environment);
        var generator = "";

        GanModel? gan = null;
        Train.TrainClasses? ganClasses = null;
        if (parse.GetValue(Def.Gan) is { } ganPath)
        {
            var run = RunArgument.Open(ganPath);
            var manifest = run.ReadManifest();
            gan = RunArgument.LoadModel(run, manifest, parse.GetValue(Def.Checkpoint));
            generator = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(parse.GetValue(Def.Checkpoint) ?? run.LastCheckpoint)));
            if (gan.Conditioning != ConditionKind.Source)
                throw UsageException.For("--gan", $"needs a model that transforms a source image (dagan); {run.Path} trains '{gan.Name}'");
            ganClasses = Train.TrainClasses.Load(run);
        }

        var data = DataSelection.FromOptions(dataName, parse.GetValue(Def.DataPath));
        var images = data.Load(DatasetCatalogue.CreateBuiltIn(), context).Train;
        if (gan is not null && ((ImagePairSpec)gan.Spec).Image is var spec && (spec.Channels, spec.Height, spec.Width) != (images.Channels, images.Height, images.Width))
            throw UsageException.For("--data", string.Create(CultureInfo.InvariantCulture, $"{data} has {images.Channels}x{images.Height}x{images.Width} images; the --gan model transforms {spec.Channels}x{spec.Height}x{spec.Width}"));
        int[] heldOut;
        try
        {
            heldOut = parse.GetValue(Def.TestClasses) is { } text
                ? ClassSelection.Parse(text, images.ClassNames, after: int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= images.ClassCount ? images.ClassCount - n : 0)
                : ganClasses?.Test ?? throw UsageException.For("--test-classes", "is required without a --gan run trained with --train-classes/--test-classes");
        }
        catch (ArgumentException e)
        {
            throw UsageException.For("--test-classes", e.Message);
        }
        if (ganClasses is not null && heldOut.Intersect(ganClasses.Train).Any())
            throw UsageException.For("--test-classes", "includes classes the --gan model trained on; the few-shot classes must be new to it");

        var options = new FewShotOptions
        {
            Shots = shots,
            Runs = parse.GetValue(Def.Runs),
            Epochs = parse.GetValue(Def.Epochs),
            BatchSize = parse.GetValue(Def.BatchSize),
            AugmentEvery = parse.GetValue(Def.AugmentEvery),
            QueryPerClass = parse.GetValue(Def.QueryPerClass),
            Seed = parse.GetValue(Def.Seed),
            Classifier = new FewShotClassifierOptions { Growth = parse.GetValue(Def.Growth), LayersPerBlock = parse.GetValue(Def.Layers), Blocks = parse.GetValue(Def.Blocks), Hidden = parse.GetValue(Def.Hidden) },
        };
        FewShotSplit split;
        try
        {
            split = new FewShotSplit(images, heldOut, unchecked((long)options.Seed));
            split.Episode(0, shots.Max(), options.QueryPerClass); // fails now, not after hours, when a class is too small
        }
        catch (GanAugment.Data.DataFormatException e)
        {
            throw UsageException.For("--test-classes", e.Message);
        }

        List<FewShotArm> arms = [FewShotArm.None, FewShotArm.Classic()];
        if (gan is not null) arms.Add(new FewShotArm(gan.Name, (x, rng) => gan.Sample(x.Size(0), rng, Condition.OfSource(x))));
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"few-shot protocol on {data}: classes {string.Join(",", heldOut.Select(c => images.ClassNames[c]))}, shots {string.Join(",", shots)}, {options.Runs} runs, {options.Epochs} epochs, arms {string.Join(", ", arms.Select(a => a.Name))}"));
        var started = DateTime.UtcNow;
        var scores = FewShotProtocol.Run(split, arms, options, s => context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  k={s.Shots} run {s.Run + 1}/{options.Runs} {s.Arm,-8} accuracy {100 * s.Accuracy:0.0}% ({s.Steps} steps, {s.Query} test images, {(DateTime.UtcNow - started).TotalMinutes:0.0} min)")), shard);
        var title = string.Create(CultureInfo.InvariantCulture, $"Few-shot {data}, classes {string.Join(",", heldOut.Select(c => images.ClassNames[c]))}, {options.Runs} runs, {options.Epochs} epochs");
        if (!shard.IsWhole)
        {
            var folder = Path.Combine(output, ShardOption.FolderName(shard));
            Directory.CreateDirectory(folder);
            var path = FewShotPartial.Write(scores, options, title, [.. arms.Select(a => a.Name)], generator, shard, folder);
            context.Out.WriteLine($"shard {shard}: {scores.Count} classifiers -> {path}");
            context.Out.WriteLine($"when every shard is done: ganaug evaluate merge {Path.GetFullPath(output)}");
            return ExitCodes.Success;
        }
        Report(context, output, scores, title);
        return ExitCodes.Success;
    }

    /// <summary>Writes the report of the protocol's scores and prints its table; shared with <c>ganaug evaluate merge</c>.</summary>
    public static void Report(CliContext context, string output, IReadOnlyList<FewShotScore> scores, string title)
    {
        var rows = FewShotReport.Summarise(scores);
        var paths = FewShotReport.Write(output, scores, rows, title);
        context.Out.WriteLine(FewShotReport.Markdown(rows, title));
        foreach (var p in paths) context.Out.WriteLine($"wrote {p}");
    }

    private static int[] ParseShots(string text)
    {
        var shots = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-');
            var ok = dash > 0
                ? int.TryParse(part[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var a) & int.TryParse(part[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var b) && a >= 1 && a <= b
                : int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out a) & (b = a) >= 1;
            if (!ok) throw UsageException.For("--shots", $"'{part}' is not a shot count k >= 1 or a range a-b");
            for (var k = a; k <= b; k++)
                if (!shots.Contains(k)) shots.Add(k);
        }
        return [.. shots];
    }
}
