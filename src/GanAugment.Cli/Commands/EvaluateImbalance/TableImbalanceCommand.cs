using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Infrastructure;
using GanAugment.Data.Tables;
using GanAugment.Evaluation.Sharding;
using GanAugment.Evaluation.Tables;
using Def = GanAugment.Cli.Commands.EvaluateImbalance.EvaluateImbalanceCommandDefinition;

namespace GanAugment.Cli.Commands.EvaluateImbalance;

/// <summary>
/// <c>ganaug evaluate imbalance --data table.csv --target col</c>: the table protocol (natural
/// imbalance, every smaller class raised to the largest) with plain, oversample, smote-nc and the
/// table models of the zoo, scored per class on --test (or a seeded stratified 30 % split).
/// </summary>
internal static class TableImbalanceCommand
{
    private static readonly string[] Extensions = [".csv", ".arff", ".parquet", ".data", ".train", ".test"];

    /// <summary>Whether --data names a table file rather than an image set.</summary>
    public static bool IsTable(string? data) => data is not null && Extensions.Contains(Path.GetExtension(data).ToLowerInvariant());

    public static int Run(ParseResult parse, CliContext context)
    {
        if (parse.GetValue(Def.Threads) is { } threads) Gans.EngineSettings.Threads = threads;
        var dataPath = parse.GetValue(Def.Data)!;
        var target = parse.GetValue(Def.Target) ?? throw UsageException.For("--target", "is required with a table: name the class column");
        if (parse.GetValue(Def.TargetClass) is not null) throw UsageException.For("--target-class", "applies to image sets; a table's classes below the largest are all raised");
        var table = Read(dataPath, "--data");
        if (!table.Contains(target)) throw UsageException.For("--target", $"column '{target}' not found in {dataPath}; columns are: {table.DescribeNames()}");
        var seed = parse.GetValue(Def.Seed);
        var testPath = parse.GetValue(Def.Test);
        var (train, test) = testPath is null ? Split(table, target, seed) : (table, Read(testPath, "--test"));
        var experiment = new TableImbalanceExperiment
        {
            Target = target,
            Methods = Methods(parse.GetValue(Def.Methods)),
            Seeds = parse.GetValue(Def.Seeds),
            Seed = seed,
            GeneratorEpochs = parse.GetValue(Def.GanEpochs),
            GeneratorBatchSize = parse.GetValue(Def.GanBatchSize),
        };
        var options = parse.GetValue(Def.GanOptions)!;
        experiment = experiment with { GeneratorOptions = experiment.Methods.ToDictionary(m => m, _ => options) };
        try
        {
            experiment.Validate();
        }
        catch (ArgumentException e)
        {
            throw UsageException.For("--methods", ErrorReport.OneLine(e.Message));
        }
        var shard = ShardOption.From(parse, Def.Shard, context.Environment);
        var root = Path.GetFullPath(parse.GetValue(Def.Out) ?? Path.Combine("runs", $"imbalance-{Path.GetFileNameWithoutExtension(dataPath)}-{target}"));
        var folder = shard.IsWhole ? root : Path.Combine(root, ShardOption.FolderName(shard));
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"table imbalance protocol on {dataPath} ({train.RowCount} training rows, {test.RowCount} test rows{(testPath is null ? ", a stratified 30 % split" : "")}), methods {string.Join(", ", experiment.Methods)}, {experiment.Seeds} seeds{(shard.IsWhole ? "" : $", shard {shard}")} -> {folder}"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var results = new TableImbalanceProtocol(experiment, line => context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalMinutes:F1} min] {line}")), shard)
            .Run(train, test, Path.GetFileName(dataPath), context.Cancel);
        if (!shard.IsWhole)
        {
            Directory.CreateDirectory(folder);
            context.Out.WriteLine($"shard {shard}: {results.Runs.Count} classifiers -> {TableImbalancePartial.Write(results, shard, folder)}");
            context.Out.WriteLine($"when every shard is done: ganaug evaluate merge {root}");
            return ExitCodes.Success;
        }
        Report(context, TableImbalanceReport.From(results), folder);
        return ExitCodes.Success;
    }

    /// <summary>Saves the table protocol's report and prints its table; shared with <c>ganaug evaluate merge</c>.</summary>
    public static void Report(CliContext context, TableImbalanceReport report, string folder)
    {
        var files = report.Save(folder);
        context.Out.WriteLine();
        context.Out.Write(report.Table.ToMarkdown(4));
        context.Out.WriteLine("(mean ± std over seeds on the real test rows; p: Welch t-test against Plain)");
        foreach (var line in report.Verdict()) context.Out.WriteLine(line);
        foreach (var file in files) context.Out.WriteLine($"report: {file}");
    }

    private static (Table, Table) Split(Table table, string target, ulong seed)
    {
        try
        {
            return TableSplit.Stratified(table, target, 0.3, seed);
        }
        catch (ArgumentException e)
        {
            throw UsageException.For("--target", ErrorReport.OneLine(e.Message));
        }
    }

    private static IReadOnlyList<string> Methods(string? text) => text is null
        ? new TableImbalanceExperiment { Target = "" }.Methods
        : [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(m => m.ToLowerInvariant()).Distinct()];

    private static Table Read(string path, string option)
    {
        try
        {
            return TableFile.Read(path);
        }
        catch (ArgumentException e)
        {
            throw UsageException.For(option, ErrorReport.OneLine(e.Message));
        }
    }
}
