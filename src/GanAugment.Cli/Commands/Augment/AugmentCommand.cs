using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Infrastructure;
using GanAugment.Cli.Rendering;
using GanAugment.Data.Catalogue;
using GanAugment.Data.Images;
using GanAugment.Data.Tables;
using GanAugment.Data.TimeSeries;
using GanAugment.Evaluation.Augmentation;
using GanAugment.Gans;
using GanAugment.Gans.Training;
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
        if (model.Spec is TableSpec) return AugmentTable(parse, context, run, manifest, model, output);
        if (model.Spec is SequenceSpec) return AugmentSeries(parse, context, manifest, model, output);
        if (model.Conditioning == ConditionKind.Source || parse.GetValue(Def.PerImage) is not null)
            return AugmentPerImage.Run(parse, context, run, manifest, model, output, format);
        if (!model.TakesLabels)
            throw UsageException.For("<run>", $"the run trains '{model.Name}' without labels, which cannot make images of a chosen class; use bagan, acgan, cgan, or wgan/wgan-gp with conditional=true");
        var data = parse.GetValue(Def.Data) is { } name ? DataSelection.FromOptions(name, parse.GetValue(Def.DataPath)) : DataSelection.FromManifest(manifest.Data);
        var catalogue = DatasetCatalogue.CreateBuiltIn();
        var split = data.Load(catalogue, context, option: parse.GetValue(Def.Data) is null ? "<run>" : "--data");
        // NOTE: without --data the set is the run's as trained, with its cut (imbalance.json or training_set.json).
        if (parse.GetValue(Def.Data) is null) split = split with { Train = TrainedSet.Of(run, manifest, split.Train, data) };
        CheckShape(model.Spec as ImageSpec ?? throw UsageException.For("<run>", $"'{model.Name}' was trained on {ModelEntry.Describe(model.Spec.Modality)}; augment takes image runs"), split.Train, data);

        var counts = split.Train.ClassCounts();
        var extra = Plan(parse, split.Train.ClassNames, counts, parse.GetValue(Def.Data) is null ? $"{data} as the run was trained" : data.ToString());
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

    /// <summary>
    /// A table run: the real table (the run's, or --data's) plus rows of the classes below the goal,
    /// made with each class as the generator's condition, written in the input's format and
    /// header with a last column marking the synthetic rows.
    /// </summary>
    private static int AugmentTable(ParseResult parse, CliContext context, RunDirectory run, RunManifest manifest, GanModel model, string output)
    {
        var spec = (TableSpec)model.Spec;
        if (!model.TakesLabels || spec.Target is null)
            throw UsageException.For("<run>", $"the run trains '{model.Name}' on a table without a target column; train it with --target to make rows of a chosen class");
        var trained = TrainingSource.FromManifest(manifest.Data);
        var data = parse.GetValue(Def.Data) is { } name ? TrainingSource.FromOptions(name, parse.GetValue(Def.DataPath), spec.Target, null, trained.Discrete) : trained;
        if (data.Kind != "table") throw UsageException.For("--data", $"{data} is not a table; the run makes rows of a table");
        var (real, file, _) = data.ReadTable(context);
        if (!real.Columns.Select(c => c.Name).SequenceEqual(spec.ColumnOrder))
            throw UsageException.For("--data", $"{file} has the columns {real.DescribeNames()}; the model makes {string.Join(", ", spec.ColumnOrder)}");
        var counts = ClassCounts(real, spec, trained.Discrete, file);
        var path = TableOutput(output, file, parse.GetValue(Def.Overwrite));

        var extra = Plan(parse, spec.ClassNames, counts, file);
        var checkpoint = Path.GetFullPath(parse.GetValue(Def.Checkpoint) ?? run.LastCheckpoint);
        var source = new TableGanSource(model, $"{model.Name} run {run.Path} checkpoint {Path.GetFileName(checkpoint)}");
        context.Out.WriteLine($"augmenting {file} ({real.RowCount} rows) with {model.Name} from {run.Path}: {extra.Sum()} synthetic rows");
        var augmented = TableAugmenter.Augment(real, extra, source, new Rng(parse.GetValue(Def.Seed)));
        var rows = augmented.WithMarker(file);
        if (path.EndsWith(".arff", StringComparison.OrdinalIgnoreCase)) ArffTableWriter.Write(rows, path);
        else if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)) ParquetTableWriter.Write(rows, path);
        else CsvTableWriter.Write(rows, path);

        WriteCounts(context, spec.ClassNames, counts, extra);
        context.Out.WriteLine($"augmented table: {path} (column '{AugmentedTable.MarkerColumn}' is 1 on the {extra.Sum()} synthetic rows)");
        return ExitCodes.Success;
    }

    /// <summary>
    /// A series run: the real series (the run's, or --data's read in the run's form) plus series of
    /// the classes below the goal, made with each class as the condition, written as one CSV in the
    /// run's form (long or wide, so it trains as it is) and a manifest beside it
    /// (<c>&lt;name&gt;.manifest.csv</c>: id, class, synthetic).
    /// </summary>
    private static int AugmentSeries(ParseResult parse, CliContext context, RunManifest manifest, GanModel model, string output)
    {
        var spec = (SequenceSpec)model.Spec;
        if (!model.TakesLabels || spec.ClassCount == 0)
            throw UsageException.For("<run>", $"the run trains '{model.Name}' without classes, which cannot make series of a chosen class; train rcgan on labelled series");
        var trained = TrainingSource.FromManifest(manifest.Data);
        var data = parse.GetValue(Def.Data) is { } name ? TrainingSource.FromOptions(name, parse.GetValue(Def.DataPath), null, spec.Format == "wide" ? "wide" : "long", attributes: trained.Attributes) : trained;
        if (data.Kind != "series") throw UsageException.For("--data", $"{data} is not a series set; the run makes series");
        var real = RunClasses(data.ReadSeries(), spec, data.ToString());
        var path = Path.GetFullPath(output);
        if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) throw UsageException.For("--out", $"a series run writes the augmented series to file.csv, got {path}");
        if (data.File is { } input && path == Path.GetFullPath(input)) throw UsageException.For("--out", $"refusing to write over the input {input}");
        if (File.Exists(path) && !parse.GetValue(Def.Overwrite)) throw UsageException.For("--out", $"{path} exists; pass --overwrite to replace it");

        var counts = real.ClassCounts();
        var extra = Plan(parse, spec.ClassNames, counts, data.ToString());
        var labels = extra.SelectMany((n, c) => Enumerable.Repeat(c, n)).ToArray();
        context.Out.WriteLine($"augmenting {data} ({real.Count} series) with {model.Name}: {labels.Length} synthetic series");
        var all = real.Append(SequenceData.Sample(model, labels.Length, labels, new Rng(parse.GetValue(Def.Seed))));
        var manifestPath = Path.ChangeExtension(path, ".manifest.csv");
        var rows = new System.Text.StringBuilder("id,class,synthetic\n");
        for (var i = 0; i < all.Count; i++)
            rows.Append(string.Create(CultureInfo.InvariantCulture, $"{i},{CsvField(spec.ClassNames[all.Labels![i]])},{(i < real.Count ? 0 : 1)}\n"));
        SequenceData.Write(spec, all, path);
        GanAugment.Data.Writers.AtomicFile.WriteAllText(manifestPath, rows.ToString());

        WriteCounts(context, spec.ClassNames, counts, extra);
        context.Out.WriteLine($"augmented series: {path} ({spec.Format} form; series {real.Count} to {all.Count - 1} are synthetic, as {manifestPath} marks)");
        return ExitCodes.Success;
    }

    /// <summary>The series with their labels numbered as the run's classes (by name); unlabelled series or a class the run does not know is a usage error.</summary>
    private static SequenceDataset RunClasses(SequenceDataset series, SequenceSpec spec, string what)
    {
        if (series.Labels is null) throw UsageException.For("--data", $"{what} has no class labels; augment raises classes");
        if (series.Length != spec.Length || series.Features != spec.Features)
            throw UsageException.For("--data", $"{what} has series of {series.Length} steps x {series.Features} features; the run makes {spec.Length} x {spec.Features}");
        var index = spec.ClassNames.Select((n, c) => (n, c)).ToDictionary(p => p.n, p => p.c, StringComparer.Ordinal);
        var labels = new int[series.Count];
        for (var i = 0; i < series.Count; i++)
            labels[i] = index.TryGetValue(series.ClassNames[series.Labels[i]], out var c) ? c
                : throw UsageException.For("--data", $"{what} has the class '{series.ClassNames[series.Labels[i]]}', which the run does not know ({string.Join(", ", spec.ClassNames)})");
        return series.WithLabels(labels, spec.ClassNames);
    }

    private static string CsvField(string text) => text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>Rows per class of the model, from the table's target column (its values named as the model names its classes).</summary>
    private static int[] ClassCounts(Table real, TableSpec spec, IReadOnlyList<string>? discrete, string file)
    {
        var (table, _) = DiscreteColumns.Apply(real, discrete, spec.Target, file);
        var labels = (CategoricalColumn)table[spec.Target!];
        var counts = new int[spec.ClassCount];
        for (var r = 0; r < labels.Count; r++)
        {
            var k = labels[r] is { } value ? spec.ClassNames.ToList().IndexOf(value) : -1;
            if (k < 0)
                throw UsageException.For("--data", $"{file}: data row {r + 1} has class '{labels[r] ?? "(missing)"}' in '{spec.Target}', which the model does not know; its classes: {string.Join(", ", spec.ClassNames)}");
            counts[k]++;
        }
        return counts;
    }

    /// <summary>The output file: .csv, .arff or .parquet, never the input, and an existing file only with --overwrite.</summary>
    private static string TableOutput(string output, string input, bool overwrite)
    {
        var path = Path.GetFullPath(output);
        if (Path.GetExtension(path).ToLowerInvariant() is not (".csv" or ".arff" or ".parquet"))
            throw UsageException.For("--out", $"a table run writes the augmented table to file.csv, file.arff or file.parquet, got {path}");
        if (path == Path.GetFullPath(input)) throw UsageException.For("--out", $"refusing to write over the input {input}");
        if (File.Exists(path) && !overwrite) throw UsageException.For("--out", $"{path} exists; pass --overwrite to replace it");
        if (Directory.Exists(path)) throw UsageException.For("--out", $"{path} is a folder; give a file.csv, file.arff or file.parquet");
        return path;
    }

    /// <summary>The per-class table of a table or series run's augmentation: class, before, added, after.</summary>
    private static void WriteCounts(CliContext context, IReadOnlyList<string> classNames, int[] counts, int[] extra)
    {
        var table = Tables.Create("class", "before", "added", "after").RightAlign(1, 2, 3);
        for (var c = 0; c < counts.Length; c++)
            table.AddTextRow(classNames[c], counts[c].ToString(CultureInfo.InvariantCulture), extra[c].ToString(CultureInfo.InvariantCulture), (counts[c] + extra[c]).ToString(CultureInfo.InvariantCulture));
        ConsoleFactory.Create(context).Write(table);
    }

    private static AugmentTarget Target(ParseResult parse, IReadOnlyList<string> classNames)
    {
        var target = parse.GetValue(Def.UpTo) is { } upTo ? new AugmentTarget { Mode = AugmentMode.Count, Count = upTo }
            : parse.GetValue(Def.Ratio) is { } ratio ? new AugmentTarget { Mode = AugmentMode.Ratio, Ratio = ratio }
            : new AugmentTarget();
        return parse.GetValue(Def.Classes) is { } text ? target with { Classes = ClassArgument.ResolveList(text, classNames, "--classes") } : target;
    }

    /// <summary>
    /// Items to add per class for the goal the options set (images, rows or series alike). An
    /// invalid goal is an error on the option that set it; so is a goal that adds nothing, naming
    /// <paramref name="described"/> (the set) and its counts.
    /// </summary>
    private static int[] Plan(ParseResult parse, IReadOnlyList<string> classNames, int[] counts, string described)
    {
        var target = Target(parse, classNames);
        int[] extra;
        try
        {
            extra = target.Plan(counts);
        }
        catch (ArgumentException e)
        {
            throw UsageException.For(parse.GetValue(Def.UpTo) is null ? "--classes" : "--up-to", e.Message);
        }
        if (extra.Sum() > 0) return extra;
        var option = parse.GetValue(Def.UpTo) is not null ? "--up-to" : parse.GetValue(Def.Ratio) is not null ? "--ratio" : parse.GetValue(Def.Data) is null ? "<run>" : "--data";
        throw UsageException.For(option, string.Create(CultureInfo.InvariantCulture,
            $"nothing to add: {described} has per class {string.Join(" ", counts)}, every {(target.Classes is null ? "" : "chosen ")}class already at the goal; raise --up-to or --ratio, or name other --classes"));
    }

    private static void CheckShape(ImageSpec spec, ImageDataset train, DataSelection data)
    {
        if (spec.Channels != train.Channels || spec.Height != train.Height || spec.Width != train.Width || spec.ClassCount != train.ClassCount)
            throw UsageException.For("--data", string.Create(CultureInfo.InvariantCulture,
                $"{data} has {train.ClassCount} classes of {train.Channels}x{train.Height}x{train.Width} images; the model makes {spec.ClassCount} classes of {spec.Channels}x{spec.Height}x{spec.Width}"));
    }
}
