using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Infrastructure;
using GanAugment.Data.Tables;
using GanAugment.Evaluation.Tables;
using GanAugment.Gans;
using GanAugment.Gans.Training;
using GanAugment.Tensors;
using Def = GanAugment.Cli.Commands.EvaluateTable.EvaluateTableCommandDefinition;

namespace GanAugment.Cli.Commands.EvaluateTable;

/// <summary>
/// <c>ganaug evaluate table</c>: reads (or samples from a run) the synthetic rows, reads the real
/// held-out and training rows, runs the <see cref="TableEvaluator"/> and writes its report.
/// </summary>
internal static class EvaluateTableCommand
{
    public static int Run(ParseResult parse, CliContext context)
    {
        if (parse.GetValue(Def.Threads) is { } threads) EngineSettings.Threads = threads;
        var source = parse.GetRequiredValue(Def.Synthetic);
        var real = Read(parse.GetRequiredValue(Def.Real), "--real");
        var outFolder = Path.GetFullPath(parse.GetRequiredValue(Def.Out));
        var seed = parse.GetValue(Def.Seed);
        var trainPath = parse.GetValue(Def.Train);
        string? target = parse.GetValue(Def.Target);
        Table? trainTable = null;
        Table synthetic;
        string subject;
        if (Directory.Exists(source))
        {
            var run = RunArgument.Open(source);
            var manifest = run.ReadManifest();
            var spec = manifest.Spec as TableSpec
                ?? throw UsageException.For("<synthetic>", $"{run.Path} trained '{manifest.Model}' on {ModelEntry.Describe(manifest.Spec.Modality)}; `evaluate table` takes a run trained on a table");
            trainPath ??= TrainingSource.FromManifest(manifest.Data).File;
            target ??= spec.Target;
            trainTable = trainPath is null ? null : Read(trainPath, "--train");
            var count = parse.GetValue(Def.Count) ?? trainTable?.RowCount
                ?? throw UsageException.For("--count", "is needed: the run's training file is not known, so its size cannot be the default");
            var model = RunArgument.LoadModel(run, manifest, parse.GetValue(Def.Checkpoint));
            synthetic = Sample(model, spec, trainTable, count, seed);
            Directory.CreateDirectory(outFolder);
            var rows = Path.Combine(outFolder, spec.Format is "arff" or "parquet" ? $"synthetic.{spec.Format}" : "synthetic.csv");
            TableData.Write(spec, synthetic, rows);
            subject = $"{model.Name} run {run.Path}";
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sampled {count} rows from {model.Name} in {run.Path} -> {rows}"));
        }
        else
        {
            if (parse.GetValue(Def.Count) is not null) throw UsageException.For("--count", "applies to a run directory; a synthetic table is used as it is");
            synthetic = Read(source, "<synthetic>");
            subject = Path.GetFullPath(source);
        }
        target ??= real.LabelName ?? throw UsageException.For("--target", "is required: name the class column");
        if (!real.Contains(target)) throw UsageException.For("--target", $"column '{target}' not found in the --real table; columns are: {real.DescribeNames()}");
        trainTable ??= trainPath is null ? null : Read(trainPath, "--train");
        var evaluation = Evaluate(real, synthetic, trainTable, target, (int)(seed % int.MaxValue));
        var files = TableEvaluationReport.Save(evaluation, real, synthetic, outFolder, subject);
        foreach (var line in TableEvaluationReport.Summary(evaluation)) context.Out.WriteLine(line);
        context.Out.WriteLine($"wrote {files[0]}, {files[1]} and {files.Count - 2} column histograms in {Path.GetDirectoryName(files[^1])}");
        return ExitCodes.Success;
    }

    private static TableEvaluation Evaluate(Table real, Table synthetic, Table? train, string target, int seed)
    {
        try
        {
            return TableEvaluator.Evaluate(real, synthetic, train, new TableEvaluationOptions { Target = target, Seed = seed });
        }
        catch (ArgumentException e)
        {
            throw new GanAugment.Data.DataFormatException(ErrorReport.OneLine(e.Message), e);
        }
    }

    /// <summary>
    /// <paramref name="count"/> rows from the run's model, their classes drawn in proportion to the
    /// training table's (every row made for its class: the model's condition), decoded to the input's columns.
    /// </summary>
    private static Table Sample(GanModel model, TableSpec spec, Table? train, int count, ulong seed)
    {
        var rng = new Rng(seed);
        int[]? labels = null;
        if (model.TakesLabels && spec.ClassCount > 0)
        {
            IReadOnlyList<string> pool = spec.ClassNames;
            if (train is not null && spec.Target is { } t && train.Contains(t))
            {
                var column = (CategoricalColumn)TableFile.Like(train[t], CategoricalColumn.FromValues(t, []));
                pool = [.. Enumerable.Range(0, column.Count).Select(r => column[r]).OfType<string>()];
            }
            labels = [.. Enumerable.Range(0, count).Select(_ => IndexIn(spec.ClassNames, pool[rng.NextInt(pool.Count)]))];
        }
        var rows = model.Sample(count, labels, rng).AsSpan();
        return TableData.Decode(spec, rows, labels);
    }

    private static int IndexIn(IReadOnlyList<string> classes, string name) =>
        classes.ToList().IndexOf(name) is var i and >= 0 ? i : throw new GanAugment.Data.DataFormatException($"--train: class '{name}' is not a class of the run ({string.Join(", ", classes)})");

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
