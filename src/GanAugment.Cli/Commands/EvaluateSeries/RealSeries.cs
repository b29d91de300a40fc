using GanAugment.Cli.Infrastructure;
using GanAugment.Data;
using GanAugment.Data.TimeSeries;
using GanAugment.Gans;

namespace GanAugment.Cli.Commands.EvaluateSeries;

/// <summary>
/// The real series of <c>evaluate series</c>, in the input's units with the run's classes:
/// <c>waves</c> and <c>sines</c> are drawn afresh from a seed other than the training set's 0,
/// so they are held out; <c>co2</c> gives its held-out years (1992-2001; the run trained on the
/// windows before); a CSV is read in the run's form (long or wide) and is held out only if the run
/// did not train on it.
/// </summary>
internal static class RealSeries
{
    private const string Option = "--real";

    /// <summary>The series and how to name them in the report.</summary>
    public static (SequenceDataset Series, string Description) Load(string? real, string manifestData, SequenceSpec spec, int count, ulong seed)
    {
        var (source, folder) = real is null ? DefaultSource(manifestData) : (real, null);
        // NOTE: the training sets are drawn with seed 0 (TrainingSource); 1 + seed mod (2³¹ − 1) is never 0.
        var draw = (int)(seed % int.MaxValue) + 1;
        var (series, description) = source switch
        {
            "waves" => (Waves.Generate(2 * count, draw), $"{2 * count} fresh Waves series (seed {draw}; the run trained on seed 0)"),
            "sines" => (RcganSines.Generate(2 * count, draw, new RcganSineOptions { Length = spec.Length, Features = spec.Features }),
                $"{2 * count} fresh RCGAN sines (seed {draw}; the run trained on seed 0)"),
            "co2" => (Co2Windows.Load(folder, heldOut: true), $"the CO2 windows from {Co2Windows.HeldOutFrom.Year} on (held out; the run trained on the years before)"),
            _ => (ReadCsv(source, spec), Path.GetFullPath(source) + (real is null ? " (the run's training file: not held out)" : "")),
        };
        if (series.Length != spec.Length || series.Features != spec.Features)
            throw new DataFormatException($"{Option}: the real series are {series.Length} steps x {series.Features} features, the run's model makes {spec.Length} x {spec.Features}");
        try
        {
            series = series.WithAttributes(spec.Attributes?.Names ?? []);
        }
        catch (ArgumentException e)
        {
            throw new DataFormatException($"{Option}: the run's model was conditioned on static attributes the real series lack: {e.Message}");
        }
        return (WithRunClasses(series, spec), description);
    }

    /// <summary>The run's own data: its built-in set's name (with the folder it was read from) or its CSV.</summary>
    private static (string Source, string? Folder) DefaultSource(string manifestData)
    {
        var source = TrainingSource.FromManifest(manifestData);
        if (source.Kind != "series") throw UsageException.For("<run>", $"the run trained on {source}, not on series");
        return source.SeriesForm == "co2" ? ("co2", source.File) : (source.File ?? source.SeriesForm!, null);
    }

    private static SequenceDataset ReadCsv(string path, SequenceSpec spec)
    {
        if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !File.Exists(path))
            throw UsageException.For(Option, $"takes waves, sines, co2 or a series CSV, got '{path}'");
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new DataFormatException($"{Option}: {full}: no such file");
        return spec.Format == "wide"
            ? SequenceCsvReader.ReadWide(full, new WideSequenceCsvOptions { LabelColumn = "label", AttributeColumns = spec.Attributes?.Names ?? [] })
            : SequenceCsvReader.ReadLong(full, new LongSequenceCsvOptions { IdColumn = "id", TimeColumn = "time", LabelColumn = "label", AttributeColumns = spec.Attributes?.Names ?? [] });
    }

    /// <summary>
    /// The series with their labels renumbered as the run's classes (by name); without labels
    /// when the run has no classes. A class the run does not know is a data error.
    /// </summary>
    private static SequenceDataset WithRunClasses(SequenceDataset series, SequenceSpec spec)
    {
        if (spec.ClassCount == 0)
            return series.WithLabels(null, null);
        if (!series.HasLabels)
            throw new DataFormatException($"{Option}: the run's series have classes ({string.Join(", ", spec.ClassNames)}), the real series have no label column");
        var map = series.ClassNames.Select(name =>
        {
            var k = spec.ClassNames.ToList().IndexOf(name);
            return k >= 0 ? k : throw new DataFormatException($"{Option}: class '{name}' is not one of the run's classes ({string.Join(", ", spec.ClassNames)})");
        }).ToArray();
        return series.WithLabels([.. series.Labels!.Select(y => map[y])], spec.ClassNames);
    }
}
