using System.CommandLine;
using GanAugment.Cli.Infrastructure;
using GanAugment.Cli.Rendering;
using GanAugment.Data.Catalogue;
using GanAugment.Evaluation.Classifiers;
using GanAugment.Evaluation.Generators;
using GanAugment.Gans.Training;
using GanAugment.Gans;
using Def = GanAugment.Cli.Commands.Evaluate.EvaluateCommandDefinition;

namespace GanAugment.Cli.Commands.Evaluate;

/// <summary>
/// <c>ganaug evaluate samples</c>: loads the run's model and data, gets the domain classifier
/// from the cache (or trains it), judges the generator and writes the evaluation files.
/// </summary>
internal static class EvaluateSamplesCommand
{
    public static int Run(ParseResult parse, CliContext context)
    {
        if (parse.GetValue(Def.Threads) is { } threads) EngineSettings.Threads = threads;
        var run = RunArgument.Open(parse.GetRequiredValue(Def.Run));
        var manifest = run.ReadManifest();
        var model = RunArgument.LoadModel(run, manifest, parse.GetValue(Def.Checkpoint));
        var data = DataSelection.FromManifest(manifest.Data);
        var split = data.Load(DatasetCatalogue.CreateBuiltIn(), context, option: RunDirectory.ManifestFile);
        data.RequireTest(split, RunDirectory.ManifestFile);

        var classifierOptions = new DomainClassifierOptions
        {
            Epochs = parse.GetValue(Def.ClassifierEpochs),
            MaxStepsPerEpoch = parse.GetValue(Def.ClassifierMaxSteps),
        };
        var folder = Path.Combine(DataLocations.DefaultCacheRoot(context.Environment), ClassifierCache.Folder);
        var (classifier, cached, path) = ClassifierCache.LoadOrTrain(folder, data.Name, split, classifierOptions, context.Out.WriteLine);
        context.Out.WriteLine($"domain classifier {(cached ? "from the cache" : "trained and cached")}: {path}");
        context.Out.WriteLine($"domain classifier test accuracy: {GeneratorReport.Percent(classifier.TestAccuracy)}");

        var options = new GeneratorEvaluationOptions { CountPerClass = parse.GetValue(Def.PerClass), Seed = parse.GetValue(Def.Seed) };
        var report = GeneratorEvaluator.Evaluate(model, classifier, split.Test, data.ToString(), options);
        RunDirectory.WriteText(run.File("evaluation.json"), report.ToJson());
        RunDirectory.WriteText(run.File("evaluation.md"), report.ToMarkdown());
        Render(context, report);
        context.Out.WriteLine($"wrote {run.File("evaluation.json")} and {run.File("evaluation.md")}");
        return ExitCodes.Success;
    }

    private static void Render(CliContext context, GeneratorReport report)
    {
        var console = ConsoleFactory.Create(context);
        var summary = Tables.Create("metric", "value").RightAlign(1);
        foreach (var (metric, value) in report.SummaryRows()) summary.AddTextRow(metric, value);
        console.Write(summary);
        if (report.PerClass.Count == 0) return;
        var perClass = Tables.Create("class", "name", "samples", "accuracy", "real test accuracy").RightAlign(0, 2, 3, 4);
        foreach (var c in report.PerClass)
            perClass.AddTextRow(c.Class.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Name,
                c.Samples.ToString(System.Globalization.CultureInfo.InvariantCulture), GeneratorReport.Percent(c.Accuracy), GeneratorReport.Percent(c.RealTestAccuracy));
        console.Write(perClass);
    }
}
