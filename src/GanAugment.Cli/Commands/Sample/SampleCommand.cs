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
        if (where.Length > 0 && model.Spec is not (TableSpec or SequenceSpec { Attributes: not null }))
            throw UsageException.For("--where", model.Spec is SequenceSpec
                ? $"fixes static attributes of series; {run.Path} trained '{model.Name}' on series without any (train with --attributes)"
                : $"conditions on columns of a table or attributes of series; {run.Path} trained '{model.Name}' on {ModelEntry.Describe(model.Spec.Modality)}");
        var rng = new Rng(parse.GetValue(Def.Seed));
        var codes = AskedCodes(model, run.Path, parse.GetValue(Def.Code), count, rng);
        using var onnx = parse.GetValue(Def.Engine) == "onnx" ? OnnxEngine.For(model, run.Path) : null;
        Func<int, Rng, Condition?, Tensor> sample = onnx is null ? model.Sample : onnx.Sample;
        if (model.Spec is TableSpec or SequenceSpec) return WriteRows(context, model, sample, labels, where, rng, codes, parse.GetRequiredValue(Def.Out));
        var target = SampleTarget.Of(parse.GetRequiredValue(Def.Out), parse.GetValue(Def.Overwrite));
        var spec = model.Spec as ImageSpec
            ?? throw UsageException.For("<run>", $"{run.Path} trained '{model.Name}' on {ModelEntry.Describe(model.Spec.Modality)}, which needs a source image per sample");
        var pixels = codes is null ? GeneratedImages.Sample(model, labels, rng, sampler: sample) : CodedImages(model, sample, codes, rng);
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

    /// <summary>The codes of the samples when --code fixes some (the others drawn from <paramref name="rng"/>), else null.</summary>
    private static CodeCondition? AskedCodes(GanModel model, string runPath, string? text, int count, Rng rng)
    {
        if (text is null) return null;
        if (model is not ICodeModel coded) throw UsageException.For("--code", $"{model.Name} in {runPath} has no latent codes to fix");
        try
        {
            return new CodeCondition(coded.Codes.Draw(count, rng, coded.Codes.Parse(text)));
        }
        catch (FormatException e)
        {
            throw UsageException.For("--code", e.Message);
        }
    }

    /// <summary>Images made from <paramref name="codes"/>, as bytes, a chunk at a time.</summary>
    private static byte[] CodedImages(GanModel model, Func<int, Rng, Condition?, Tensor> sample, CodeCondition codes, Rng rng)
    {
        var (count, size) = (codes.Codes.Size(0), model.Spec.Size);
        var pixels = new byte[(long)count * size];
        for (var start = 0; start < count; start += GeneratedImages.DefaultBatchSize)
        {
            var n = Math.Min(GeneratedImages.DefaultBatchSize, count - start);
            var batch = sample(n, rng, Condition.OfCodes(codes.Codes.Narrow(0, start, n)));
            GanAugment.Data.Writers.PixelConvert.ToBytes(batch.AsSpan(), model.Range, pixels.AsSpan(start * size, n * size));
        }
        return pixels;
    }

    /// <summary>The attribute values of <c>--where name=value</c> for series; a value that is not a number is a usage error.</summary>
    private static (string Name, float Value)[] AttributeValues((string Column, string Category)[] where) =>
        [.. where.Select(w => float.TryParse(w.Category, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && float.IsFinite(v)
            ? (w.Column, v) : throw UsageException.For("--where", $"{w.Column}={w.Category}: a static attribute takes a number"))];

    /// <summary>Table rows or series, decoded to the input's columns or units and written in its format (CSV/ARFF/Parquet, long/wide CSV).</summary>
    private static int WriteRows(CliContext context, GanModel model, Func<int, Rng, Condition?, Tensor> sample, int[] labels, (string Column, string Category)[] where, Rng rng, CodeCondition? codes, string outPath)
    {
        var spec = model.Spec;
        var path = Path.GetFullPath(outPath);
        var formats = spec is TableSpec ? new[] { ".csv", ".arff", ".parquet" } : [".csv"];
        if (!formats.Contains(Path.GetExtension(path).ToLowerInvariant()))
            throw UsageException.For("--out", $"{model.Name} makes {ModelEntry.Describe(spec.Modality)}; write them to {string.Join(" or ", formats.Select(f => "file" + f))}");
        // NOTE: a model without labels gets none, and its samples are written without a class.
        var asked = model.TakesLabels ? labels : null;
        try
        {
            if (spec is TableSpec table)
                TableData.Write(table, TableData.Decode(table, (codes is not null ? sample(labels.Length, rng, codes) : sample(labels.Length, rng, new TableCondition(labels, where))).AsSpan(), asked), path);
            else
                SequenceData.Write((SequenceSpec)spec, SequenceData.Sample(model, labels.Length, asked, rng, AttributeValues(where), sample), path);
        }
        catch (ArgumentException e) when (where.Length > 0)
        {
            throw UsageException.For("--where", e.Message);
        }
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {labels.Length} samples from {model.Name} to {path}"));
        return ExitCodes.Success;
    }
}
