using System.CommandLine;
using GanAugment.Cli.Infrastructure;
using GanAugment.Data.Catalogue;
using GanAugment.Data.Images;
using GanAugment.Data.Images.Png;
using GanAugment.Data.Writers;
using Def = GanAugment.Cli.Commands.Data.DataCommandDefinition;

namespace GanAugment.Cli.Commands.Data;

/// <summary><c>ganaug data show</c>: writes the grid of real images of an image data set (<see cref="RealImageGrid"/>) as a PNG.</summary>
internal static class DataShowCommand
{
    public static int Run(ParseResult parse, CliContext context)
    {
        var count = parse.GetValue(Def.ShowCount);
        if (count <= 0) throw UsageException.For("--count", $"must be a positive number of images, got {count}");
        var data = Load(parse.GetRequiredValue(Def.ShowName), parse.GetValue(Def.ShowPath), context);
        var output = Path.GetFullPath(parse.GetValue(Def.ShowOut) ?? "real.png");
        var grid = RealImageGrid.Compose(data, count, parse.GetValue(Def.ShowInvert));
        ReportFile.WriteAllBytes(output, PngEncoder.Encode(grid));
        context.Out.WriteLine(output);
        return ExitCodes.Success;
    }

    /// <summary>The training images of an image data set named as <c>train --data</c> names it; tables and series are refused.</summary>
    public static ImageDataset Load(string name, string? path, CliContext context, string option = "<name>")
    {
        var source = TrainingSource.FromOptions(name, path, target: null, series: null);
        if (source.Kind != "images") throw UsageException.For(option, $"'{name}' is a {source.Kind} data set; data show draws images (see `ganaug data info {name}`)");
        return source.Images!.Load(DatasetCatalogue.CreateBuiltIn(), context, option).Train;
    }
}
