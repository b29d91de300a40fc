using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Infrastructure;
using GanAugment.Evaluation.Generators;
using GanAugment.Gans;
using GanAugment.Tensors;
using Def = GanAugment.Cli.Commands.Sample.SampleCommandDefinition;

namespace GanAugment.Cli.Commands.Sample;

/// <summary><c>ganaug sample</c>: rebuilds the run's model from its manifest, loads a checkpoint and writes samples.</summary>
internal static class SampleCommand
{
    public static int Run(ParseResult parse, CliContext context)
    {
        var run = RunArgument.Open(parse.GetRequiredValue(Def.Run));
        var manifest = run.ReadManifest();
        var count = parse.GetValue(Def.Count);
        var cls = parse.GetValue(Def.Class);
        var model = RunArgument.LoadModel(run, manifest, parse.GetValue(Def.Checkpoint));
        if (model.Spec is TableSpec or SequenceSpec) return WriteRows(context, model, cls, count, parse.GetValue(Def.Seed), parse.GetRequiredValue(Def.Out));
        var target = SampleTarget.Of(parse.GetRequiredValue(Def.Out), parse.GetValue(Def.Overwrite));
        var spec = model.Spec as ImageSpec
            ?? throw UsageException.For("<run>", $"{run.Path} trained '{model.Name}' on {ModelEntry.Describe(model.Spec.Modality)}, which needs a source image per sample");
        if (cls is { } k)
        {
            if (!model.TakesLabels) throw UsageException.For("--class", $"{model.Name} in {run.Path} is not conditional; it cannot be asked for a class");
            if (k >= spec.ClassCount)
                throw UsageException.For("--class", $"class {k} is out of range: the run's data set has {spec.ClassCount} classes (0..{spec.ClassCount - 1})");
        }

        var labels = cls is { } only ? Enumerable.Repeat(only, count).ToArray() : GeneratedImages.CyclingLabels(count, model.TakesLabels ? spec.ClassCount : 0);
        var pixels = GeneratedImages.Sample(model, labels, new Rng(parse.GetValue(Def.Seed)));
        var files = SampleWriter.Write(target, spec, pixels, labels, model.TakesLabels);

        var what = cls is { } c ? $"of class {c} ({spec.ClassNames[c]})" : model.TakesLabels ? "cycling through the classes" : "";
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {count} samples {what} from {model.Name} to {target.Path}").Replace("  ", " ", StringComparison.Ordinal));
        if (target.Kind != SampleTargetKind.PngFolder)
            foreach (var file in files) context.Out.WriteLine(file);
        return ExitCodes.Success;
    }

    /// <summary>Table rows or series, decoded to the input's columns or units and written in its format (CSV/ARFF, long/wide CSV).</summary>
    private static int WriteRows(CliContext context, GanModel model, int? cls, int count, ulong seed, string outPath)
    {
        var spec = model.Spec;
        if (cls is { } k && (!model.TakesLabels || k >= spec.ClassCount))
            throw UsageException.For("--class", model.TakesLabels ? $"class {k} is out of range: the run's data have {spec.ClassCount} classes" : $"{model.Name} is not conditional; it cannot be asked for a class");
        var labels = cls is { } only ? Enumerable.Repeat(only, count).ToArray() : GeneratedImages.CyclingLabels(count, model.TakesLabels ? spec.ClassCount : 0);
        var samples = model.Sample(count, model.TakesLabels ? labels : null, new Rng(seed)).AsSpan();
        var path = Path.GetFullPath(outPath);
        var formats = spec is TableSpec ? new[] { ".csv", ".arff" } : [".csv"];
        if (!formats.Contains(Path.GetExtension(path).ToLowerInvariant()))
            throw UsageException.For("--out", $"{model.Name} makes {ModelEntry.Describe(spec.Modality)}; write them to {string.Join(" or ", formats.Select(f => "file" + f))}");
        if (spec is TableSpec table) TableData.Write(table, TableData.Decode(table, samples, labels), path);
        else SequenceData.Write((SequenceSpec)spec, SequenceData.Decode((SequenceSpec)spec, samples, labels, model.Range), path);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {count} samples from {model.Name} to {path}"));
        return ExitCodes.Success;
    }
}
