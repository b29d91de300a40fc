using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Infrastructure;
using GanAugment.Cli.Rendering;
using GanAugment.Data.Catalogue;
using Def = GanAugment.Cli.Commands.Data.DataCommandDefinition;

namespace GanAugment.Cli.Commands.Data;

/// <summary><c>ganaug data info</c>: shape, classes, counts per class and where the files were found.</summary>
internal static class DataInfoCommand
{
    public static int Run(ParseResult parse, CliContext context)
    {
        var catalogue = DatasetCatalogue.CreateBuiltIn();
        var selection = DataSelection.FromOptions(parse.GetRequiredValue(Def.Name), parse.GetValue(Def.InfoPath));
        DatasetEntry entry;
        try
        {
            entry = catalogue.Find(selection.Name);
        }
        catch (DatasetNotFoundException e)
        {
            throw UsageException.For("<name>", e.Message);
        }
        var files = catalogue.Resolve(selection.Request(context));
        var split = catalogue.Load(selection.Request(context));
        var (train, test) = (split.Train, split.Test);

        var o = context.Out;
        o.WriteLine($"{entry.Name}: {entry.Description}");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shape: {train.Channels}x{train.Height}x{train.Width} (channels x height x width), {train.ClassCount} classes"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"images: {train.Count} train, {test.Count} test"));
        o.WriteLine($"found: {files.Folder} ({Describe(files.Source)})");
        if (entry.License.Length > 0) o.WriteLine($"licence: {entry.License}");

        var table = Tables.Create("class", "name", "train", "test").RightAlign(0, 2, 3);
        var (trainCounts, testCounts) = (train.ClassCounts(), test.ClassCounts());
        for (var k = 0; k < train.ClassCount; k++)
            table.AddTextRow(k.ToString(CultureInfo.InvariantCulture), train.ClassNames[k],
                trainCounts[k].ToString(CultureInfo.InvariantCulture), testCounts[k].ToString(CultureInfo.InvariantCulture));
        ConsoleFactory.Create(context).Write(table);
        return ExitCodes.Success;
    }

    private static string Describe(DatasetSource source) => source switch
    {
        DatasetSource.ExplicitPath => "the folder given with --path",
        DatasetSource.Cache => "the cache",
        DatasetSource.LocalCopy => "a local copy",
        _ => "downloaded into the cache",
    };
}
