using GanAugment.Data;
using GanAugment.Data.Catalogue;
using GanAugment.Data.Images;
using GanAugment.Data.Tables;
using GanAugment.Data.TimeSeries;
using GanAugment.Gans;

namespace GanAugment.Cli.Infrastructure;

/// <summary>
/// What <c>train --data</c> names, for any modality: a catalogue image set or image folder
/// (<see cref="DataSelection"/>), a table file (<c>.csv</c>, <c>.arff</c>, FANN <c>.data</c>) with
/// <c>--target</c> naming its class column, a built-in series set (<c>waves</c>, <c>sines</c>) or a
/// series CSV (<c>--series long|wide</c>). A run's manifest stores it as text
/// (<see cref="ManifestText"/>) so <c>--resume</c> and <c>sample</c> load the same data.
/// </summary>
internal sealed record TrainingSource(string Kind, DataSelection? Images, string? File, string? Target, string? SeriesForm)
{
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

    public static TrainingSource FromOptions(string data, string? path, string? target, string? series)
    {
        if (data == "co2") return new("series", null, path is null ? null : Path.GetFullPath(path), null, data);
        if (BuiltInSeries.ContainsKey(data) && path is null) return new("series", null, null, null, data);
        var extension = Path.GetExtension(data).ToLowerInvariant();
        if (series is not null)
        {
            if (series is not ("long" or "wide")) throw UsageException.For("--series", $"takes long or wide, got '{series}'");
            return new("series", null, Existing(data), null, series);
        }
        if (extension is ".csv" or ".arff" or ".data") return new("table", null, Existing(data), target, null);
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
        return kind == "table"
            ? new(kind, null, file, option.Length == 0 ? null : option, null)
            : new(kind, null, file, null, option);
    }

    public string ManifestText => Kind switch
    {
        "images" => Images!.ManifestText,
        "table" => $"table:{Target}@{File}",
        _ => File is null ? $"series:{SeriesForm}" : $"series:{SeriesForm}@{File}",
    };

    public override string ToString() => Kind == "images" ? Images!.ToString()
        : Kind == "series" && BuiltInSeries.ContainsKey(SeriesForm!) ? SeriesForm! : File!;

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
                var table = Path.GetExtension(File!).ToLowerInvariant() switch
                {
                    ".arff" => ArffReader.Read(File!),
                    ".data" => FannDataReader.Read(File!),
                    _ => CsvTableReader.Read(File!),
                };
                var target = Target ?? table.LabelName;
                if (target is not null && !table.Contains(target))
                    throw UsageException.For("--target", $"column '{target}' not found in {File}; columns are: {table.DescribeNames()}");
                return (new TableData(table, target, Path.GetExtension(File!).Equals(".arff", StringComparison.OrdinalIgnoreCase) ? "arff" : "csv"), null);
            default:
                var series = BuiltInSeries.TryGetValue(SeriesForm!, out var builtIn) ? Found(() => builtIn(File))
                    : SeriesForm == "wide" ? SequenceCsvReader.ReadWide(File!, new WideSequenceCsvOptions { LabelColumn = "label" })
                    : SequenceCsvReader.ReadLong(File!, new LongSequenceCsvOptions { IdColumn = "id", TimeColumn = "time", LabelColumn = "label" });
                return (new SequenceData(series, File is null || builtIn is not null ? "long" : SeriesForm!), null);
        }
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

    private static string Existing(string file)
    {
        var full = Path.GetFullPath(file);
        if (!System.IO.File.Exists(full)) throw new DataFormatException($"{full}: no such file");
        return full;
    }
}
