using System.CommandLine;
using GanAugment.Cli.Rendering;
using GanAugment.Data;
using GanAugment.Data.Catalogue;

namespace GanAugment.Cli.Commands.Data;

/// <summary><c>ganaug data list</c>: catalogue entries and where each is present locally.</summary>
internal static class DataListCommand
{
    public static int Run(ParseResult parse, CliContext context)
    {
        var catalogue = DatasetCatalogue.CreateBuiltIn();
        var cacheRoot = DataLocations.DefaultCacheRoot(context.Environment);
        var table = Tables.Create("name", "shape", "classes", "local copy", "description");
        foreach (var entry in catalogue.Entries)
        {
            var shape = entry.Table is not null ? "table" : entry.Shape?.ToString() ?? "varies";
            var classes = entry.ClassNames.Count > 0 ? entry.ClassNames.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : "varies";
            table.AddTextRow(entry.Name, shape, classes, Where(catalogue, entry, cacheRoot), entry.Description);
        }
        var console = ConsoleFactory.Create(context);
        console.Write(table);
        context.Out.WriteLine($"cache: {cacheRoot} (set {DataLocations.DataVariable} to move it)");
        return ExitCodes.Success;
    }

    private static string Where(DatasetCatalogue catalogue, DatasetEntry entry, string cacheRoot)
    {
        try
        {
            var files = catalogue.Resolve(new DatasetRequest(entry.Name) { CacheRoot = cacheRoot, AllowDownload = false });
            return $"yes: {files.Folder}";
        }
        catch (DatasetNotFoundException)
        {
            return "no";
        }
        catch (Exception e) when (e is DataFormatException or IOException or InvalidDataException)
        {
            return $"unreadable: {e.Message}";
        }
    }
}
