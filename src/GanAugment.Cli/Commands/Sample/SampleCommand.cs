using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Infrastructure;
using GanAugment.Evaluation.Generators;
using GanAugment.Gans;
using GanAugment.Gans.Models;
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
        var labels = AskedLabels(model, run.Path, cls, count);
        int? askedClass = labels.Length > 0 && cls is not null ? labels[0] : null;
        var where = parse.GetValue(Def.Where)!.Select(p => (p.Key, p.Value)).ToArray();
        if (where.Length > 0 && model.Spec is not TableSpec)
            throw UsageException.For("--where", $"conditions on columns of a table; {run.Path} trained '{model.Name}' on {ModelEntry.Describe(model.Spec.Modality)}");
        if (model.Spec is TableSpec or SequenceSpec) return WriteRows(context, model, labels, where, parse.GetValue(Def.Seed), parse.GetRequiredValue(Def.Out));
        var target = SampleTarget.Of(parse.GetRequiredValue(Def.Out), parse.GetValue(Def.Overwrite));
        var spec = model.Spec as ImageSpec
            ?? throw UsageException.For("<run>", $"{run.Path} trained '{model.Name}' on {ModelEntry.Describe(model.Spec.Modality)}, which needs a source image per sample");
        var pixels = GeneratedImages.Sample(model, labels, new Rng(parse.GetValue(Def.Seed)));
        var files = SampleWriter.Write(target, spec, pixels, labels, model.TakesLabels);

        var what = askedClass is { } c ? $"of class {c} ({spec.ClassNames[c]})" : model.TakesLabels ? "cycling through the classes" : "";
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {count} samples {what} from {model.Name} to {target.Path}").Replace("  ", " ", StringComparison.Ordinal));
        if (target.Kind != SampleTargetKind.PngFolder)
            foreach (var file in files) context.Out.WriteLine(file);
        return ExitCodes.Success;
    }

    /// <summary>The classes of the samples: <paramref name="cls"/> (a name or index) for every one, else each class in turn (all 0 for a model without labels).</summary>
    private static int[] AskedLabels(GanModel model, string runPath, string? cls, int count)
    {
        var classes = model.Spec.ClassCount;
        if (cls is not null)
        {
            if (!model.TakesLabels) throw UsageException.For("--class", $"{model.Name} in {runPath} is not conditional; it cannot be asked for a class");
            return Enumerable.Repeat(ClassArgument.Resolve(cls, model.Spec.ClassNames, "--class"), count).ToArray();
        }
        return GeneratedImages.CyclingLabels(count, model.TakesLabels ? classes : 0);
    }

    /// <summary>Table rows or series, decoded to the input's columns or units and written in its format (CSV/ARFF, long/wide CSV).</summary>
    private static int WriteRows(CliContext context, GanModel model, int[] labels, (string Column, string Category)[] where, ulong seed, string outPath)
    {
        var spec = model.Spec;
        var path = Path.GetFullPath(outPath);
        var formats = spec is TableSpec ? new[] { ".csv", ".arff" } : [".csv"];
        if (!formats.Contains(Path.GetExtension(path).ToLowerInvariant()))
            throw UsageException.For("--out", $"{model.Name} makes {ModelEntry.Describe(spec.Modality)}; write them to {string.Join(" or ", formats.Select(f => "file" + f))}");
        // NOTE: a model without labels gets none, and its samples are written without a class.
        var asked = model.TakesLabels ? labels : null;
        Tensor generated;
        try
        {
            generated = spec is TableSpec ? model.Sample(labels.Length, new Rng(seed), new TableCondition(labels, where)) : model.Sample(labels.Length, asked, new Rng(seed));
        }
        catch (ArgumentException e) when (where.Length > 0)
        {
            throw UsageException.For("--where", e.Message);
        }
        var samples = generated.AsSpan();
        if (spec is TableSpec table) TableData.Write(table, TableData.Decode(table, samples, asked), path);
        else SequenceData.Write((SequenceSpec)spec, SequenceData.Decode((SequenceSpec)spec, samples, asked, model.Range), path);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {labels.Length} samples from {model.Name} to {path}"));
        return ExitCodes.Success;
    }
}
