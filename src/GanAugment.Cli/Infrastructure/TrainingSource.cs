using GanAugment.Data;
using GanAugment.Data.Catalogue;
using GanAugment.Data.Images;
using GanAugment.Data.Tables;
using GanAugment.Data.Tables.Encoding;
using GanAugment.Data.TimeSeries;
using GanAugment.Gans;

namespace GanAugment.Cli.Infrastructure;

/// <summary>
/// What <c>train --data</c> names, for any modality: a catalogue image set or image folder
/// (<see cref="DataSelection"/>), a table file (<c>.csv</c>, <c>.arff</c>, <c>.parquet</c>, FANN <c>.data</c>) or a
/// catalogue table (credit-g, thyroid: <see cref="Images"/> then holds the catalogue name) with
/// <c>--target</c> naming its class column and <c>--discrete</c> its discrete numeric columns, a
/// built-in series set (<c>waves</c>, <c>sines</c>, <c>co2</c>) or a series CSV (<c>--series long|wide</c>),
/// with <c>--attributes</c> naming the static attributes of the series to keep.
/// A run's manifest stores it as text (<see cref="ManifestText"/>) so <c>--resume</c> and
/// <c>sample</c> load the same data.
/// </summary>
internal sealed record TrainingSource(string Kind, DataSelection? Images, string? File, string? Target, string? SeriesForm)
{
    private const string DiscreteMark = "|discrete=";
    private const string AttributesMark = "|attributes=";

    /// <summary>The static attributes of series to condition on (<c>--attributes</c>); null for none.</summary>
    public IReadOnlyList<string>? Attributes { get; init; }

    /// <summary>The numeric columns of a table named discrete by the user; null lets them be inferred (<see cref="DiscreteColumns"/>).</summary>
    public IReadOnlyList<string>? Discrete { get; init; }

    /// <summary>
    /// Built-in series sets by name, from the folder given with <c>--path</c> (null: the default):
    /// the generated ones (the seed's sizes are on demand; these are fixed and seeded) and the real
    /// CO2 windows from Debian's python3-statsmodels.
    /// </summary>
    private static readonly Dictionary<string, Func<string?, SequenceDataset>> BuiltInSeries = new()
    {
        ["waves"] = _ => Waves.Generate(2000, 0),
        ["sines"] = _ => RcganSines.Generate(2000, 0),
        ["co2"] = folder => Co2Windows.Load(folder),
    };

    public static TrainingSource FromOptions(string data, string? path, string? target, string? series, IReadOnlyList<string>? discrete = null, IReadOnlyList<string>? attributes = null)
    {
        var source = FromOptions(data, path, target, series);
        if (discrete is not null && source.Kind != "table") throw UsageException.For("--discrete", "names columns of a table (--data file.csv, file.arff or a catalogue table)");
        if (attributes is not null && source.Kind != "series") throw UsageException.For("--attributes", "names static attributes of series (--data waves, sines or co2, or a CSV with --series long|wide)");
        return source with { Discrete = discrete, Attributes = attributes is { Count: > 0 } ? attributes : null };
    }

    private static TrainingSource FromOptions(string data, string? path, string? target, string? series)
    {
        if (data == "co2") return new("series", null, path is null ? null : Path.GetFullPath(path), null, data);
        if (BuiltInSeries.ContainsKey(data) && path is null) return new("series", null, null, null, data);
        if (series is null && IsCatalogueTable(data)) return new("table", DataSelection.FromOptions(data, path), null, target, null);
        var extension = Path.GetExtension(data).ToLowerInvariant();
        if (series is not null)
        {
            if (series is not ("long" or "wide")) throw UsageException.For("--series", $"takes long or wide, got '{series}'");
            return new("series", null, Existing(data), null, series);
        }
        if (extension is ".csv" or ".arff" or ".parquet" or ".data") return new("table", null, Existing(data), target, null);
        if (target is not null) throw UsageException.For("--target", "names the class column of a table (--data file.csv or .arff)");
        return new("images", DataSelection.FromOptions(data, path), null, null, null);
    }

    public static TrainingSource FromManifest(string text)
    {
        var colon = text.IndexOf(':');
        if (colon < 0) return new("images", DataSelection.FromManifest(text), null, null, null);
        var (kind, rest) = (text[..colon], text[(colon + 1)..]);
        var at = rest.IndexOf('@');
        var (option, file) = at >= 0 ? (rest[..at], rest[(at + 1)..]) : (rest, null);
        if (kind is not ("table" or "tableset"))
        {
            var marked = option.IndexOf(AttributesMark, StringComparison.Ordinal);
            return marked < 0 ? new(kind, null, file, null, option)
                : new(kind, null, file, null, option[..marked]) { Attributes = option[(marked + AttributesMark.Length)..].Split(',') };
        }
        var mark = option.IndexOf(DiscreteMark, StringComparison.Ordinal);
        IReadOnlyList<string>? discrete = mark < 0 ? null : option[(mark + DiscreteMark.Length)..].Split(',', StringSplitOptions.RemoveEmptyEntries);
        var target = mark < 0 ? option : option[..mark];
        return kind == "table"
            ? new(kind, null, file, target.Length == 0 ? null : target, null) { Discrete = discrete }
            : new("table", DataSelection.FromManifest(file!), null, target.Length == 0 ? null : target, null) { Discrete = discrete };
    }

    public string ManifestText => Kind switch
    {
        "images" => Images!.ManifestText,
        "table" when File is null => $"tableset:{TableOptionText}@{Images!.ManifestText}",
        "table" => $"table:{TableOptionText}@{File}",
        _ => File is null ? $"series:{SeriesOptionText}" : $"series:{SeriesOptionText}@{File}",
    };

    private string SeriesOptionText => Attributes is null ? $"{SeriesForm}" : $"{SeriesForm}{AttributesMark}{string.Join(",", Attributes)}";

    private string TableOptionText => Discrete is null ? $"{Target}" : $"{Target}{DiscreteMark}{string.Join(",", Discrete)}";

    public override string ToString() => Kind == "images" ? Images!.ToString()
        : Kind == "series" && BuiltInSeries.ContainsKey(SeriesForm!) ? SeriesForm! : File ?? Images?.ToString() ?? SeriesForm!;

    /// <summary>
    /// The training data for <paramref name="model"/>, and for image sets the split it came from
    /// (the imbalance cut and the test images need it). Images become pairs for a model that
    /// takes image pairs only.
    /// </summary>
    public (TrainingData Train, ImageDatasetSplit? Images) Load(CliContext context, ModelEntry model, Func<ImageDatasetSplit, ImageDatasetSplit>? cut = null, string option = "--data")
    {
        switch (Kind)
        {
            case "images":
                var split = Images!.Load(DatasetCatalogue.CreateBuiltIn(), context, option);
                if (cut is not null) split = cut(split);
                TrainingData images = model.Modalities.Contains(Modality.Images) || !model.Modalities.Contains(Modality.ImagePairs)
                    ? new ImageData(split.Train) : new ImagePairData(split.Train);
                return (images, split);
            case "table":
                var (table, source, format) = ReadTable(context);
                var target = TargetOf(table, source);
                foreach (var name in Discrete ?? [])
                    if (!table.Contains(name)) throw UsageException.For("--discrete", $"column '{name}' not found in {source}; columns are: {table.DescribeNames()}");
                var (discrete, converted) = DiscreteColumns.Apply(table, Discrete, target, source);
                TableChecks.ForTraining(discrete, target, source);
                // NOTE: generated numbers are clamped to the range seen in the table, as issue 16 and TableSynthesizer do.
                return (new TableData(discrete, target, format, new TabularTransformerOptions { ClipToSeenRange = true }, converted), null);
            default:
                return (new SequenceData(ReadSeries(), File is null || BuiltInSeries.ContainsKey(SeriesForm!) ? "long" : SeriesForm!), null);
        }
    }

    /// <summary>
    /// The table as read (original column kinds, its label set when the format names one), the
    /// file or data set it came from for messages, and its format ("arff", "parquet" or "csv") for output.
    /// </summary>
    public (Table Table, string Source, string Format) ReadTable(CliContext context)
    {
        if (File is null)
        {
            var (train, _, files) = DatasetCatalogue.CreateBuiltIn().LoadTable(Images!.Request(context));
            var path = files.PathOf(files.Entry.Files[0].Name);
            return (train, path, Format(path));
        }
        var table = Path.GetExtension(File).ToLowerInvariant() switch
        {
            ".arff" => ArffReader.Read(File),
            ".parquet" => ParquetTableReader.Read(File),
            ".data" => FannDataReader.Read(File),
            _ => CsvTableReader.Read(File),
        };
        return (table, File, Format(File));
    }

    /// <summary>The class column of <paramref name="table"/>: --target, else the file's label column (null when it has none); an unknown one is a usage error.</summary>
    public string? TargetOf(Table table, string source)
    {
        var target = Target ?? table.LabelName;
        if (target is not null && !table.Contains(target))
            throw UsageException.For("--target", $"column '{target}' not found in {source}; columns are: {table.DescribeNames()}");
        return target;
    }

    /// <summary>
    /// The series of a "series" source: a built-in set or a long or wide CSV, with the static
    /// attributes named by <see cref="Attributes"/> only (a built-in set's every one when
    /// <paramref name="allAttributes"/>, for describing it).
    /// </summary>
    public SequenceDataset ReadSeries(bool allAttributes = false)
    {
        var attributes = Attributes ?? [];
        if (BuiltInSeries.TryGetValue(SeriesForm!, out var builtIn))
        {
            var series = Found(() => builtIn(File));
            if (allAttributes) return series;
            try
            {
                return series.WithAttributes(attributes);
            }
            catch (ArgumentException e)
            {
                throw UsageException.For("--attributes", $"{SeriesForm}: {e.Message}");
            }
        }
        return SeriesForm == "wide"
            ? SequenceCsvReader.ReadWide(File!, new WideSequenceCsvOptions { LabelColumn = "label", AttributeColumns = attributes })
            : SequenceCsvReader.ReadLong(File!, new LongSequenceCsvOptions { IdColumn = "id", TimeColumn = "time", LabelColumn = "label", AttributeColumns = attributes });
    }

    private static SequenceDataset Found(Func<SequenceDataset> load)
    {
        try
        {
            return load();
        }
        catch (DatasetNotFoundException e)
        {
            throw UsageException.For("--data", e.Message);
        }
    }

    private static string Format(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".arff" => "arff",
        ".parquet" => "parquet",
        _ => "csv",
    };

    private static bool IsCatalogueTable(string name) =>
        BuiltInDatasets.All().Any(e => e.Table is not null && string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    private static string Existing(string file)
    {
        var full = Path.GetFullPath(file);
        if (!System.IO.File.Exists(full)) throw new DataFormatException($"{full}: no such file");
        return full;
    }
}
