using System.Globalization;
using System.Text.Json;
using GanAugment.Cli.Commands.Data;
using GanAugment.Cli.Commands.Plot;
using GanAugment.Cli.Infrastructure;
using GanAugment.Cli.Rendering;
using GanAugment.Data;
using GanAugment.Data.Catalogue;
using GanAugment.Data.Images;
using GanAugment.Data.Images.Png;
using GanAugment.Data.Writers.Charts;
using GanAugment.Gans;
using GanAugment.Gans.Training;

namespace GanAugment.Cli.Commands.Report;

/// <summary>
/// The report of a run directory, section by section from the files the run wrote: options.json
/// and summary.json, losses.csv (per step, raw and smoothed), epoch_losses.csv (per epoch) and any pretraining phase's losses,
/// stats.csv, the sample grids (a time-lapse per kind of per-epoch image), real images of the data
/// set beside the last generated grid, every other PNG of the run, and any evaluation Markdown
/// written into it. A missing file leaves its section with a note saying so; so does a file that
/// cannot be read (a run killed in the middle of a line, or before its first epoch), whose error,
/// naming the file and line, goes to the page and to the error output as a note.
/// </summary>
internal static class RunReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static HtmlReport Build(string folder, CliContext context)
    {
        var run = new RunDirectory(folder);
        var manifest = run.ReadManifest();
        var source = TrainingSource.FromManifest(manifest.Data);
        var name = $"{manifest.Model} on {source}";
        var page = new HtmlReport($"GanAugment run: {name}");
        page.Paragraph($"Run directory {folder}; data: {ModelEntry.Describe(manifest.Spec.Modality)}.");

        Options(page, run);
        Readable(page, context, () => Losses(page, run, name, context));
        Readable(page, context, () => Stats(page, run, name));
        var samples = Samples(page, run, manifest, source, context);
        var others = FolderImages.Find(folder, samples);
        if (others.Count > 0)
        {
            page.Heading("Model outputs and other charts");
            FolderImages.Add(page, others);
        }
        Evaluations(page, folder);
        return page;
    }

    /// <summary>Runs one section; a file it cannot read ends that section with a note, and the report goes on.</summary>
    private static void Readable(HtmlReport page, CliContext context, Action section)
    {
        try
        {
            section();
        }
        catch (DataFormatException e)
        {
            page.Note($"{e.Message}; the rest of this section is left out.");
            context.Error.WriteLine($"ganaug: note: {e.Message}; that part of the report is left out");
        }
    }

    private static void Options(HtmlReport page, RunDirectory run)
    {
        page.Heading("Options");
        page.Table(["option", "value"], Flatten(ReadJson(run.File(RunDirectory.ManifestFile))), RunDirectory.ManifestFile);
        var summary = run.File("summary.json");
        if (File.Exists(summary))
            page.Table(["summary", "value"], Flatten(ReadJson(summary)), "summary.json");
    }

    /// <summary>
    /// The chart <c>ganaug plot</c> draws (every step faint, its moving average, the epoch means as
    /// dots), then the epoch means alone, then epoch_losses.csv as a table; pretraining phases
    /// (<c>&lt;phase&gt;_losses.csv</c>, e.g. BAGAN's autoencoder) follow as their own charts.
    /// </summary>
    private static void Losses(HtmlReport page, RunDirectory run, string name, CliContext context)
    {
        page.Heading("Losses");
        var epochs = run.File(PlotCommand.LossesFile);
        if (!File.Exists(epochs))
        {
            page.Note($"{epochs} is missing: the run has not finished an epoch.");
            return;
        }
        var means = EpochCsv.Read(epochs);
        var stepsPath = run.File(PlotCommand.StepLossesFile);
        if (File.Exists(stepsPath))
            Readable(page, context, () => page.Image(ChartPng.Render(RunCharts.Losses(means, StepLossCsv.Read(stepsPath), name, Smoothing.DefaultWeight)),
                string.Create(Inv, $"every loss at every step (losses.csv, faint), smoothed (debiased exponential moving average, weight {Smoothing.DefaultWeight} as TensorBoard's default) and each epoch's mean (dots)")));
        else
            page.Note($"{stepsPath} is missing: no per-step losses to show.");
        page.Image(ChartPng.Render(RunCharts.Losses(means, null, name, Smoothing.DefaultWeight)), "each loss's mean per epoch (epoch_losses.csv)");
        page.Table(means.Columns, means.Rows.Select(Format), PlotCommand.LossesFile);
        foreach (var path in Directory.EnumerateFiles(run.Path, "*_losses.csv").Where(f => Path.GetFileName(f) != PlotCommand.LossesFile).Order(StringComparer.Ordinal))
        {
            var phase = Path.GetFileName(path)[..^"_losses.csv".Length];
            page.Image(ChartPng.Render(RunCharts.Phase(EpochCsv.Read(path), phase, name)), $"the {phase} phase's mean losses per epoch ({Path.GetFileName(path)})");
        }
    }

    private static void Stats(HtmlReport page, RunDirectory run, string name)
    {
        var path = run.File(PlotCommand.StatsFile);
        page.Heading("Statistics against the real data");
        if (!File.Exists(path))
        {
            page.Note($"{path} is missing (the run was trained with --stats-samples 0, or has not finished an epoch).");
            return;
        }
        var stats = EpochCsv.Read(path);
        var pixelStats = new[] { "real_mean", "real_std", "fake_mean", "fake_std" }.All(stats.Columns.Contains);
        var chart = pixelStats ? RunCharts.Stats(stats, name) : new LineChart
        {
            Title = $"{name}: statistics per epoch",
            Series = stats.Columns.Skip(1).Select(c => new LineSeries(c, stats.Column("epoch"), stats.Column(c))).ToArray(),
            XLabel = "epoch",
            WholeNumberX = true,
        };
        page.Image(ChartPng.Render(chart), "generated vs real statistics per epoch (stats.csv)");
        page.Table(stats.Columns, stats.Rows.Select(Format), PlotCommand.StatsFile);
    }

    /// <summary>The time-lapse of the main sample grids and, for image data, real images beside the last one; returns the files shown.</summary>
    private static HashSet<string> Samples(HtmlReport page, RunDirectory run, RunManifest manifest, TrainingSource source, CliContext context)
    {
        page.Heading("Samples over the epochs");
        var shown = new HashSet<string>(StringComparer.Ordinal);
        var grids = Directory.Exists(run.SamplesDir)
            ? FolderImages.Find(run.Path).Where(g => g.Pattern == "samples/epoch-{epoch}.png").SelectMany(g => g.Files).ToArray()
            : [];
        if (grids.Length == 0)
        {
            page.Note($"{run.SamplesDir} holds no epoch-NNN.png grids yet.");
            return shown;
        }
        FolderImages.Add(page, [new FolderImages.Group("samples/epoch-{epoch}.png", FolderImages.Describe("samples/epoch-{epoch}.png"), grids)]);
        foreach (var (_, path) in grids) shown.Add(Path.GetFullPath(path));
        if (manifest.Spec.Modality != Modality.Images) return shown;

        page.Heading("Real images beside generated ones", level: 3);
        var (lastEpoch, lastGrid) = grids[^1];
        var generated = (File.ReadAllBytes(lastGrid), string.Create(Inv, $"generated, epoch {lastEpoch}"));
        try
        {
            var real = source.Images!.Load(DatasetCatalogue.CreateBuiltIn(), context).Train;
            var png = PngEncoder.Encode(RealImageGrid.Compose(real, 100, invert: false));
            page.SideBySide([(png, $"real training images of {source} (as `ganaug data show` draws them)"), generated]);
        }
        catch (Exception e) when (e is DataFormatException or DatasetNotFoundException or UsageException or IOException or InvalidDataException)
        {
            page.Note($"real images of {source} not shown: {e.Message}");
            context.Error.WriteLine($"ganaug: note: real images of {source} not shown: {e.Message}");
        }
        return shown;
    }

    private static void Evaluations(HtmlReport page, string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Where(f => !FolderImages.IsSkipped(Path.GetRelativePath(folder, f))).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) return;
        page.Heading("Evaluations");
        foreach (var file in files) EvaluationReport.AddMarkdown(page, folder, file);
    }

    private static JsonElement ReadJson(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw DataFormatException.At(path, $"not valid JSON: {e.Message}");
        }
    }

    /// <summary>Nested objects as dotted names (Trainer.Epochs), arrays of values joined with commas.</summary>
    private static IEnumerable<IReadOnlyList<string>> Flatten(JsonElement element, string prefix = "")
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
                foreach (var row in Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}"))
                    yield return row;
        }
        else if (element.ValueKind == JsonValueKind.Array && element.EnumerateArray().All(e => e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)))
        {
            yield return [prefix, string.Join(", ", element.EnumerateArray().Select(Text))];
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
                foreach (var row in Flatten(item, string.Create(Inv, $"{prefix}[{i++}]")))
                    yield return row;
        }
        else
        {
            yield return [prefix, Text(element)];
        }
    }

    private static string Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.Null => "null",
        _ => e.GetRawText(),
    };

    private static IReadOnlyList<string> Format(double[] row) => row.Select(v => v.ToString("G6", Inv)).ToArray();
}
