using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Infrastructure;
using GanAugment.Cli.Rendering;
using GanAugment.Data;
using GanAugment.Data.TimeSeries;
using GanAugment.Data.Writers;
using GanAugment.Evaluation.Generators;
using GanAugment.Evaluation.Series;
using GanAugment.Gans;
using GanAugment.Gans.Training;
using GanAugment.Tensors;
using Def = GanAugment.Cli.Commands.EvaluateSeries.EvaluateSeriesCommandDefinition;

namespace GanAugment.Cli.Commands.EvaluateSeries;

/// <summary>
/// <c>ganaug evaluate series</c>: loads the run's model, draws or reads the real series, scales
/// both into the run's space, runs the <see cref="SeriesEvaluator"/> and writes the report and the PCA plot.
/// </summary>
internal static class EvaluateSeriesCommand
{
    public const string PcaFile = "pca.png";

    /// <summary>Where the measures work: the space the generator is trained in.</summary>
    private const string Space = "the run's scaled space (each feature min-max scaled to [-1, 1] by the scaler fitted on the training series)";

    public static int Run(ParseResult parse, CliContext context)
    {
        if (parse.GetValue(Def.Threads) is { } threads) EngineSettings.Threads = threads;
        var run = RunArgument.Open(parse.GetRequiredValue(Def.Run));
        var manifest = run.ReadManifest();
        var spec = manifest.Spec as SequenceSpec
            ?? throw UsageException.For("<run>", $"{run.Path} trained '{manifest.Model}' on {ModelEntry.Describe(manifest.Spec.Modality)}; `evaluate series` takes a run trained on series (use `evaluate samples` for images)");
        var (count, seed) = (parse.GetValue(Def.Count), parse.GetValue(Def.Seed));
        var (real, description) = RealSeries.Load(parse.GetValue(Def.Real), manifest.Data, spec, count, seed);
        var model = RunArgument.LoadModel(run, manifest, parse.GetValue(Def.Checkpoint));
        var outFolder = Path.GetFullPath(parse.GetValue(Def.Out) ?? run.File("evaluation-series"));

        var scaler = SequenceScaler.FromJson(spec.Scaler, run.File(RunDirectory.ManifestFile));
        var scaled = scaler.Transform(real);
        if (scaled.Count < 8) throw new DataFormatException($"--real: {scaled.Count} real series are too few; the evaluation splits them in halves of at least 4");
        var (realTrain, realTest) = SeriesSets.Split(scaled, Math.Min(count, scaled.Count / 2), seed);
        if (realTest.Count > count) realTest = realTest.Subset([.. Enumerable.Range(0, count)]);
        var input = new SeriesEvaluationInput(realTrain, realTest, Generate(model, spec, count, seed));

        var options = new SeriesEvaluationOptions
        {
            Permutations = parse.GetValue(Def.Permutations),
            Networks = new SeriesNetworkOptions { Epochs = parse.GetValue(Def.ClassifierEpochs) },
            Seed = seed,
        };
        context.Out.WriteLine($"real series: {description}");
        var report = SeriesEvaluator.Evaluate(input, options, new SeriesSubject(model.Name, TrainingSource.FromManifest(manifest.Data).ToString(), description, Space),
            line => context.Out.WriteLine(line), context.Cancel);

        Directory.CreateDirectory(outFolder);
        ReportFile.WriteAllText(Path.Combine(outFolder, "evaluation.json"), report.ToJson());
        ReportFile.WriteAllText(Path.Combine(outFolder, "evaluation.md"), report.ToMarkdown(PcaFile));
        report.PcaChart().SavePng(Path.Combine(outFolder, PcaFile));
        Render(context, report);
        context.Out.WriteLine($"wrote evaluation.json, evaluation.md and {PcaFile} to {outFolder}");
        return ExitCodes.Success;
    }

    /// <summary>
    /// <paramref name="count"/> generated series in the run's scaled space [-1, 1], cycling
    /// through the classes for a conditional model (so the set is balanced as the real one), with
    /// the static attributes they were made with (drawn from real series) when the run has them.
    /// </summary>
    private static SequenceDataset Generate(GanModel model, SequenceSpec spec, int count, ulong seed)
    {
        var labelled = model.TakesLabels && spec.ClassCount > 0;
        var labels = labelled ? GeneratedImages.CyclingLabels(count, spec.ClassCount) : null;
        var (series, condition) = SequenceData.Generate(model, count, labels, new Rng(seed));
        var values = series.ToArray();
        // NOTE: a model working in [0, 1] is mapped to [-1, 1], where the scaler puts the real series.
        if (model.Range == PixelRange.ZeroToOne)
            for (var k = 0; k < values.Length; k++) values[k] = values[k] * 2f - 1f;
        return new SequenceDataset(values, count, spec.Length, spec.Features, labels, labelled ? spec.ClassNames : null, featureNames: spec.FeatureNames,
            attributes: condition.Attributes is { } a ? spec.Attributes!.Unscale(a) : null, attributeNames: spec.Attributes?.Names);
    }

    private static void Render(CliContext context, SeriesReport report)
    {
        var table = Tables.Create("metric", "value", "reference").RightAlign(1);
        foreach (var (metric, value, reference) in report.Rows()) table.AddTextRow(metric, value, reference);
        ConsoleFactory.Create(context).Write(table);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"evaluated in {report.Seconds:F1} s"));
    }
}
