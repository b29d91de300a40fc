using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Infrastructure;
using GanAugment.Cli.Rendering;
using GanAugment.Data.Catalogue;
using GanAugment.Data.Images;
using GanAugment.Data.Tables;
using GanAugment.Data.TimeSeries;
using Def = GanAugment.Cli.Commands.Data.DataCommandDefinition;

namespace GanAugment.Cli.Commands.Data;

/// <summary>
/// <c>ganaug data info</c>: describes what was read. A catalogue set: its entry, shape, counts per
/// class, pixel values and where the files were found. A folder (image folder or IDX files), a
/// table or series: what those files hold, never a catalogue entry's description.
/// </summary>
internal static class DataInfoCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(ParseResult parse, CliContext context)
    {
        var name = parse.GetRequiredValue(Def.Name);
        var path = parse.GetValue(Def.InfoPath);
        var source = TrainingSource.FromOptions(name, path, parse.GetValue(Def.InfoTarget), parse.GetValue(Def.InfoSeries));
        switch (source.Kind)
        {
            case "table":
                var (table, file, _) = source.ReadTable(context);
                DescribeTable(context, file, table, source.TargetOf(table, file));
                return ExitCodes.Success;
            case "series":
                DescribeSeries(context, source.File ?? source.SeriesForm!, source.ReadSeries(allAttributes: true));
                return ExitCodes.Success;
        }
        var selection = source.Images!;
        var catalogue = DatasetCatalogue.CreateBuiltIn();
        // A folder named alone is described as what it holds; a catalogue name (with or without --path) as that set.
        var custom = selection.IsImageFolder || (path is null && selection.Folder is not null);
        DatasetEntry? entry = null;
        if (!selection.IsImageFolder)
        {
            try
            {
                entry = catalogue.Find(selection.Name);
            }
            catch (DatasetNotFoundException e)
            {
                throw UsageException.For("<name>", e.Message);
            }
        }
        var split = selection.Load(catalogue, context, option: "<name>");
        var o = context.Out;
        if (custom)
            o.WriteLine(selection.IsImageFolder
                ? $"image folder {selection.Folder}: {Layout(selection.Folder!)}"
                : $"IDX files in {selection.Folder} (MNIST layout: train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-*)");
        else
            o.WriteLine($"{entry!.Name}: {entry.Description}");
        DescribeImages(context, split);
        if (!custom)
        {
            var files = catalogue.Resolve(selection.Request(context));
            o.WriteLine($"found: {files.Folder} ({Describe(files.Source)})");
            if (entry!.License.Length > 0) o.WriteLine($"licence: {entry.License}");
        }
        var classes = Tables.Create("class", "name", "train", "test").RightAlign(0, 2, 3);
        var (trainCounts, testCounts) = (split.Train.ClassCounts(), split.Test.ClassCounts());
        for (var k = 0; k < split.Train.ClassCount; k++)
            classes.AddTextRow(k.ToString(Inv), split.Train.ClassNames[k], trainCounts[k].ToString(Inv), testCounts[k].ToString(Inv));
        ConsoleFactory.Create(context).Write(classes);
        return ExitCodes.Success;
    }

    private static void DescribeImages(CliContext context, ImageDatasetSplit split)
    {
        var (train, test) = (split.Train, split.Test);
        var o = context.Out;
        o.WriteLine(string.Create(Inv, $"shape: {train.Channels}x{train.Height}x{train.Width} (channels x height x width), {train.ClassCount} classes"));
        o.WriteLine(string.Create(Inv, $"images: {train.Count} train, {test.Count} test"));
        if (train.Count == 0) return;
        var (min, max, sum) = (byte.MaxValue, byte.MinValue, 0L);
        foreach (var p in train.Pixels)
            (min, max, sum) = (Math.Min(min, p), Math.Max(max, p), sum + p);
        o.WriteLine(string.Create(Inv, $"pixel values (train): {min} to {max}, mean {(double)sum / train.Pixels.Length:F1}"));
    }

    private static void DescribeTable(CliContext context, string file, Table table, string? target)
    {
        var o = context.Out;
        o.WriteLine(string.Create(Inv, $"table {file}: {table.RowCount} rows, {table.ColumnCount} columns{(target is null ? ", no class column (name one with --target)" : $", class column '{target}'")}"));
        var columns = Tables.Create("column", "kind", "values", "missing").RightAlign(3);
        foreach (var column in table.Columns)
        {
            var values = column switch
            {
                NumericColumn n when n.Count - n.MissingCount() > 0 => string.Create(Inv, $"{n.Min:G6} to {n.Max:G6}, mean {Mean(n):G6}"),
                NumericColumn => "all missing",
                CategoricalColumn c => $"{c.Categories.Count} categories: {string.Join(", ", c.Categories.Take(6))}{(c.Categories.Count > 6 ? ", ..." : "")}",
                _ => "",
            };
            var kind = Kind(column) + (column.Name == target ? " (class)" : "");
            columns.AddTextRow(column.Name, kind, values, column.MissingCount().ToString(Inv));
        }
        var console = ConsoleFactory.Create(context);
        console.Write(columns);
        if (target is null) return;
        var labels = table.ClassLabels(target);
        var counts = labels.CategoryCounts();
        var classes = Tables.Create("class", "name", "rows").RightAlign(0, 2);
        for (var k = 0; k < counts.Length; k++) classes.AddTextRow(k.ToString(Inv), labels.Categories[k], counts[k].ToString(Inv));
        console.Write(classes);
    }

    private static void DescribeSeries(CliContext context, string source, SequenceDataset series)
    {
        var o = context.Out;
        o.WriteLine(string.Create(Inv, $"series {source}: {series.Count} series of {series.Length} steps, {series.Features} features ({string.Join(", ", series.FeatureNames)}), {(series.HasLabels ? $"{series.ClassCount} classes" : "unlabelled")}"));
        var features = Tables.Create("feature", "min", "max", "mean").RightAlign(1, 2, 3);
        for (var f = 0; f < series.Features; f++)
        {
            var (min, max, sum, n) = (double.PositiveInfinity, double.NegativeInfinity, 0.0, 0);
            for (var i = 0; i < series.Count; i++)
            {
                var values = series.Sequence(i);
                for (var t = 0; t < series.Lengths[i]; t++)
                {
                    var v = values[t * series.Features + f];
                    if (float.IsNaN(v)) continue;
                    (min, max, sum, n) = (Math.Min(min, v), Math.Max(max, v), sum + v, n + 1);
                }
            }
            features.AddTextRow(series.FeatureNames[f], min.ToString("G6", Inv), max.ToString("G6", Inv), n == 0 ? "-" : (sum / n).ToString("G6", Inv));
        }
        var console = ConsoleFactory.Create(context);
        console.Write(features);
        if (series.HasAttributes)
        {
            var attributes = Tables.Create("static attribute", "min", "max", "mean").RightAlign(1, 2, 3);
            for (var k = 0; k < series.AttributeCount; k++)
            {
                var values = Enumerable.Range(0, series.Count).Select(i => (double)series.AttributesOf(i)[k]).ToArray();
                attributes.AddTextRow(series.AttributeNames[k], values.Min().ToString("G6", Inv), values.Max().ToString("G6", Inv), values.Average().ToString("G6", Inv));
            }
            console.Write(attributes);
        }
        if (!series.HasLabels) return;
        var counts = series.ClassCounts();
        var classes = Tables.Create("class", "name", "series").RightAlign(0, 2);
        for (var k = 0; k < counts.Length; k++) classes.AddTextRow(k.ToString(Inv), series.ClassNames[k], counts[k].ToString(Inv));
        console.Write(classes);
    }

    /// <summary>"categorical", "numeric", "integer", or "integer, discrete" for an integer column modelled as categories (see DiscreteColumns).</summary>
    private static string Kind(Column column) => column switch
    {
        NumericColumn n when DiscreteColumns.LooksDiscrete(n) => "integer, discrete",
        NumericColumn n => n.IsIntegral ? "integer" : "numeric",
        _ => "categorical",
    };

    private static double Mean(NumericColumn column)
    {
        var (sum, n) = (0.0, 0);
        foreach (var v in column.AsSpan())
            if (!double.IsNaN(v)) (sum, n) = (sum + v, n + 1);
        return sum / n;
    }

    private static string Layout(string folder) =>
        !ImageFolderDataset.IsSplit(folder) ? "class sub-folders, no test part"
        : Directory.Exists(Path.Combine(folder, ImageFolderDataset.TestFolder)) ? "train/ and test/ parts of class sub-folders" : "a train/ part of class sub-folders, no test/ part";

    private static string Describe(DatasetSource source) => source switch
    {
        DatasetSource.ExplicitPath => "the folder given with --path",
        DatasetSource.Cache => "the cache",
        DatasetSource.LocalCopy => "a local copy",
        _ => "downloaded into the cache",
    };
}
