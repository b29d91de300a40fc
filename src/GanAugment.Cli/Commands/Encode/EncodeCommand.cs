using System.CommandLine;
using System.Globalization;
using GanAugment.Cli.Infrastructure;
using GanAugment.Data.Writers;
using GanAugment.Evaluation.Features;
using GanAugment.Gans;
using Def = GanAugment.Cli.Commands.Encode.EncodeCommandDefinition;

namespace GanAugment.Cli.Commands.Encode;

/// <summary><c>ganaug encode</c>: loads the run's encoder, encodes every item of the data and writes features and labels.</summary>
internal static class EncodeCommand
{
    public static int Run(ParseResult parse, CliContext context)
    {
        if (parse.GetValue(Def.Threads) is { } threads) EngineSettings.Threads = threads;
        var outPath = Path.GetFullPath(parse.GetRequiredValue(Def.Out));
        var format = Path.GetExtension(outPath).ToLowerInvariant();
        if (format is not (".csv" or ".npy")) throw UsageException.For("--out", $"'{Path.GetFileName(outPath)}': features are written to file.csv or file.npy");
        var labelsPath = Path.ChangeExtension(outPath, ".labels.npy");
        if (!parse.GetValue(Def.Overwrite))
            foreach (var existing in format == ".npy" ? new[] { outPath, labelsPath } : [outPath])
                if (File.Exists(existing)) throw UsageException.For("--out", $"{existing} exists; pass --overwrite to replace it");
        var split = parse.GetValue(Def.Split) ?? "train";
        if (split is not ("train" or "test")) throw UsageException.For("--split", $"takes train or test, got '{split}'");

        var run = RunArgument.Open(parse.GetRequiredValue(Def.Run));
        var manifest = run.ReadManifest();
        var model = RunArgument.LoadModel(run, manifest, parse.GetValue(Def.Checkpoint));
        var encoder = EncodedData.Encoder(model, run.Path);
        var (train, test) = EncodedData.Load(context, manifest, model, parse.GetValue(Def.Data));
        if (split == "test" && test is null) throw UsageException.For("--split", "a table has no test part; encode its rows with --split train");
        var data = split == "test" ? test! : train;
        var features = FeatureSet.Encode(encoder, data, model.Range);

        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        if (format == ".csv") WriteCsv(outPath, features);
        else
        {
            NpyWriter.Write(outPath, features.Values, [features.Count, features.Width]);
            if (features.Labels is { } labels) NpyWriter.Write(labelsPath, labels, [labels.Length]);
        }
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {features.Width} {model.Name} features of {features.Count} items ({split}) to {outPath}"));
        if (format == ".npy" && features.Labels is not null) context.Out.WriteLine(labelsPath);
        return ExitCodes.Success;
    }

    /// <summary>A header f0..fN-1[,label], then one row per item with the class name (round-trip floats).</summary>
    private static void WriteCsv(string path, FeatureSet features) => AtomicFile.WriteText(path, writer =>
    {
        var names = Enumerable.Range(0, features.Width).Select(k => string.Create(CultureInfo.InvariantCulture, $"f{k}"));
        writer.WriteLine(string.Join(',', features.Labels is null ? names : names.Append("label")));
        for (var i = 0; i < features.Count; i++)
        {
            var row = features.Values.AsSpan(i * features.Width, features.Width).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture));
            writer.WriteLine(string.Join(',', features.Labels is { } labels ? row.Append(Quote(features.ClassNames[labels[i]])) : row));
        }
    });

    private static string Quote(string name) => name.IndexOfAny([',', '"', '\n']) < 0 ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
