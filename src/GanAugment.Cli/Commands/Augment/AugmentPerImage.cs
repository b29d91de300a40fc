using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Infrastructure;
using GanAugment.Data.Catalogue;
using GanAugment.Data.FewShot;
using GanAugment.Evaluation.Augmentation;
using GanAugment.Gans;
using GanAugment.Gans.Training;
using GanAugment.Tensors;
using Def = GanAugment.Cli.Commands.Augment.AugmentCommandDefinition;

namespace GanAugment.Cli.Commands.Augment;

/// <summary>
/// <c>ganaug augment &lt;dagan run&gt; --data &lt;set&gt; --per-image N</c>: N variants G(image, z) of
/// every image of the set (its classes need not be the model's), written with the real images in
/// the chosen layout; the manifest gives each synthetic image's source file.
/// </summary>
internal static class AugmentPerImage
{
    public static int Run(ParseResult parse, CliContext context, RunDirectory run, RunManifest manifest, GanModel model, string output, AugmentFormat format)
    {
        if (model.Conditioning != ConditionKind.Source)
            throw UsageException.For("--per-image", $"needs a model that transforms a source image (dagan); the run trains '{model.Name}'");
        if (parse.GetValue(Def.PerImage) is not { } perImage)
            throw UsageException.For("--per-image", $"is required with a '{model.Name}' run: how many variants of each image to write");
        if (parse.GetValue(Def.UpTo) is not null || parse.GetValue(Def.Ratio) is not null)
            throw UsageException.For(parse.GetValue(Def.UpTo) is null ? "--ratio" : "--up-to", "rebalances with a class-conditional model; with --per-image every image gets N variants");
        var data = parse.GetValue(Def.Data) is { } name ? DataSelection.FromOptions(name, parse.GetValue(Def.DataPath)) : DataSelection.FromManifest(manifest.Data);
        var catalogue = DatasetCatalogue.CreateBuiltIn();
        var split = data.Load(catalogue, context, option: parse.GetValue(Def.Data) is null ? "<run>" : "--data");
        var images = split.Train;
        if (parse.GetValue(Def.Classes) is { } classes)
        {
            try
            {
                images = ClassSelection.Keep(images, ClassSelection.Parse(classes, images.ClassNames));
            }
            catch (ArgumentException e)
            {
                throw UsageException.For("--classes", e.Message);
            }
        }
        var spec = ((ImagePairSpec)model.Spec).Image;
        if (spec.Channels != images.Channels || spec.Height != images.Height || spec.Width != images.Width)
            throw UsageException.For("--data", string.Create(CultureInfo.InvariantCulture,
                $"{data} has {images.Channels}x{images.Height}x{images.Width} images; the model transforms {spec.Channels}x{spec.Height}x{spec.Width} images"));
        if (images.Count == 0) throw UsageException.For("--classes", $"selects no image of {data}");

        var checkpoint = Path.GetFullPath(parse.GetValue(Def.Checkpoint) ?? run.LastCheckpoint);
        var description = $"{model.Name} run {run.Path} checkpoint {Path.GetFileName(checkpoint)}";
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"augmenting {data} ({images.Count} images) with {model.Name} from {run.Path}: {perImage} variants per image, {images.Count * perImage} synthetic images"));
        var augmented = PairAugmenter.Augment(images, perImage, model, description, new Rng(parse.GetValue(Def.Seed)));
        var details = new Dictionary<string, string>
        {
            ["model"] = model.Name,
            ["run"] = run.Path,
            ["checkpoint"] = checkpoint,
            ["data"] = data.ManifestText,
            ["per_image"] = perImage.ToString(CultureInfo.InvariantCulture),
            ["seed"] = parse.GetValue(Def.Seed).ToString(CultureInfo.InvariantCulture),
        };
        var written = AugmentedDatasetWriter.Write(augmented, null, output, format, [run.Path, data.IsImageFolder ? data.Folder! : catalogue.Resolve(data.Request(context)).Folder], parse.GetValue(Def.Overwrite), details);
        context.Out.WriteLine($"augmented data set: {written}");
        context.Out.WriteLine($"manifest: {Path.Combine(written, AugmentedDatasetWriter.ManifestCsv)}");
        return ExitCodes.Success;
    }
}
