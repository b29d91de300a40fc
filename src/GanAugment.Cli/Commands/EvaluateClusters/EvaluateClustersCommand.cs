using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GanAugment.Cli.Infrastructure;
using GanAugment.Cli.Rendering;
using GanAugment.Data.Catalogue;
using GanAugment.Evaluation.Metrics;
using GanAugment.Gans;
using GanAugment.Gans.Training;
using Def = GanAugment.Cli.Commands.EvaluateClusters.EvaluateClustersCommandDefinition;

namespace GanAugment.Cli.Commands.EvaluateClusters;

/// <summary>
/// <c>ganaug evaluate clusters</c>: loads the run's model and labelled images, predicts Q's category
/// for each image, matches categories to classes (<see cref="ClusterAccuracy"/>) and reports the accuracy.
/// </summary>
internal static class EvaluateClustersCommand
{
    private const int Chunk = 500;

    public static int Run(ParseResult parse, CliContext context)
    {
        if (parse.GetValue(Def.Threads) is { } threads) EngineSettings.Threads = threads;
        var split = parse.GetValue(Def.Split);
        if (split is not ("test" or "train")) throw UsageException.For("--split", $"'{split}' is not a split; give test or train");
        var run = RunArgument.Open(parse.GetRequiredValue(Def.Run));
        var manifest = run.ReadManifest();
        if (manifest.Spec is not ImageSpec spec)
            throw UsageException.For("<run>", $"{run.Path} trained '{manifest.Model}' on {ModelEntry.Describe(manifest.Spec.Modality)}; `evaluate clusters` takes a run trained on labelled images");
        var model = RunArgument.LoadModel(run, manifest, parse.GetValue(Def.Checkpoint));
        if (model is not ICodeModel { Codes.Categories: > 0 } coded)
            throw UsageException.For("<run>", $"'{model.Name}' in {run.Path} has no categorical latent code to score as clusters");
        var data = DataSelection.FromManifest(manifest.Data).Load(DatasetCatalogue.CreateBuiltIn(), context, option: RunDirectory.ManifestFile);
        var images = split == "test" ? data.Test : data.Train;
        if (images.ClassCount < 2) throw UsageException.For("<run>", $"the {split} images of {run.Path} have no labels to score clusters against");

        var batches = new ImageData(images);
        var clusters = new int[images.Count];
        for (var start = 0; start < images.Count; start += Chunk)
        {
            var indices = Enumerable.Range(start, Math.Min(Chunk, images.Count - start)).ToArray();
            coded.PredictCategories(batches.Batch(indices, model.Range, 0).X).CopyTo(clusters, start);
        }
        var result = ClusterAccuracy.Compute(clusters, images.Labels, coded.Codes.Categories, images.ClassCount);

        var table = Tables.Create("category", "class", "images", "of that class").RightAlign(0, 2, 3);
        for (var k = 0; k < coded.Codes.Categories; k++)
        {
            var total = Enumerable.Range(0, images.ClassCount).Sum(c => result.Counts[k, c]);
            var match = result.ClassOfCluster[k];
            table.AddTextRow(k.ToString(CultureInfo.InvariantCulture), match >= 0 ? spec.ClassNames[match] : "-",
                total.ToString(CultureInfo.InvariantCulture), match >= 0 && total > 0 ? Percent((double)result.Counts[k, match] / total) : "-");
        }
        ConsoleFactory.Create(context).Write(table);
        var path = run.File("clusters.json");
        RunDirectory.WriteText(path, JsonSerializer.Serialize(new
        {
            split,
            images = images.Count,
            checkpoint = parse.GetValue(Def.Checkpoint) ?? run.LastCheckpoint,
            accuracy = result.Accuracy,
            classOfCategory = result.ClassOfCluster,
        }, new JsonSerializerOptions { WriteIndented = true }));
        context.Out.WriteLine($"cluster accuracy of {model.Name}'s categorical code on {images.Count} {split} images: {Percent(result.Accuracy)}");
        context.Out.WriteLine($"wrote {path}");
        return ExitCodes.Success;
    }

    private static string Percent(double share) => share.ToString("P2", CultureInfo.InvariantCulture);
}
