using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Infrastructure;
using GanAugment.Cli.Rendering;
using GanAugment.Data.Catalogue;
using DataTables = GanAugment.Data.Tables;
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
        if (entry.Table is not null) return DescribeTable(context, catalogue, entry, selection);
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

    /// <summary>A table: rows, the target's classes with counts, and per column its kind, values or range, and missing values.</summary>
    private static int DescribeTable(CliContext context, DatasetCatalogue catalogue, DatasetEntry entry, DataSelection selection)
    {
        var (train, test, files) = catalogue.LoadTable(selection.Request(context));
        var o = context.Out;
        o.WriteLine($"{entry.Name}: {entry.Description}");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"table: {train.RowCount} rows{(test is null ? "" : $" (+ {test.RowCount} held-out rows)")}, {train.ColumnCount} columns, target '{entry.Table!.Target}'"));
        o.WriteLine($"found: {files.Folder} ({Describe(files.Source)})");
        if (entry.License.Length > 0) o.WriteLine($"licence: {entry.License}");

        var classes = Tables.Create("class", "rows", "share").RightAlign(1, 2);
        var labels = train.ClassLabels();
        var counts = labels.CategoryCounts();
        for (var k = 0; k < counts.Length; k++)
            classes.AddTextRow(labels.Categories[k], counts[k].ToString(CultureInfo.InvariantCulture), (counts[k] / (double)train.RowCount).ToString("P1", CultureInfo.InvariantCulture));
        var console = ConsoleFactory.Create(context);
        console.Write(classes);

        var columns = Tables.Create("column", "kind", "values", "missing").RightAlign(3);
        foreach (var column in train.Columns.Where(c => c.Name != entry.Table.Target))
            columns.AddTextRow(column.Name, Kind(column), Values(column), column.MissingCount().ToString(CultureInfo.InvariantCulture));
        console.Write(columns);
        return ExitCodes.Success;
    }

    /// <summary>"categorical", "numeric (integer)", or "integer, modelled as discrete" (see DiscreteColumns).</summary>
    private static string Kind(DataTables.Column column) => column switch
    {
        DataTables.NumericColumn n when DataTables.DiscreteColumns.LooksDiscrete(n) => "integer, discrete",
        DataTables.NumericColumn n => n.IsIntegral ? "integer" : "numeric",
        _ => "categorical",
    };

    private static string Values(DataTables.Column column) => column switch
    {
        DataTables.NumericColumn n => string.Create(CultureInfo.InvariantCulture, $"{n.Min:G6} .. {n.Max:G6}"),
        DataTables.CategoricalColumn c => c.Categories.Count <= 6
            ? string.Join(", ", c.Categories)
            : string.Create(CultureInfo.InvariantCulture, $"{c.Categories.Count} categories: {string.Join(", ", c.Categories.Take(5))}, ..."),
        _ => "",
    };

    private static string Describe(DatasetSource source) => source switch
    {
        DatasetSource.ExplicitPath => "the folder given with --path",
        DatasetSource.Cache => "the cache",
        DatasetSource.LocalCopy => "a local copy",
        _ => "downloaded into the cache",
    };
}
