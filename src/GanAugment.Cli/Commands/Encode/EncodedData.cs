using GanAugment.Cli.Infrastructure;
using GanAugment.Gans;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Cli.Commands.Encode;

/// <summary>
/// The data an encoder's features are computed on: <c>--data</c> (default: the run's own data),
/// read as <c>train --data</c> reads it and checked against the model: an image set's own training
/// and test items, or a table's rows (test null: the rows are split after encoding, see
/// <see cref="TableSplit"/>, since the table's encoding is fitted on all of them as in training).
/// </summary>
internal static class EncodedData
{
    public static (TrainingData Train, TrainingData? Test) Load(CliContext context, RunManifest manifest, GanModel model, string? data)
    {
        var source = data is null ? TrainingSource.FromManifest(manifest.Data) : TrainingSource.FromOptions(data, null, null, null);
        var option = data is null ? RunDirectory.ManifestFile : "--data";
        var (train, split) = source.Load(context, GanZoo.Find(manifest.Model), option: option);
        if (train.Spec.Modality != model.Spec.Modality || !train.Spec.ItemShape.SequenceEqual(model.Spec.ItemShape))
            throw UsageException.For(option, $"{source} holds {train.Spec.Describe(train.Count)}; {model.Name} was trained on items of shape [{string.Join(", ", model.Spec.ItemShape)}]");
        if (split is not null) return (train, new ImageData(split.Test));
        if (train is not TableData) throw UsageException.For(option, $"{source}: features are computed for images and tables");
        return (train, null);
    }

    /// <summary>A seeded split of <paramref name="count"/> rows: the share <paramref name="testShare"/> for test, each part in row order.</summary>
    public static (int[] Train, int[] Test) TableSplit(int count, double testShare, ulong seed)
    {
        var order = new Rng(seed).Permutation(count);
        var testCount = (int)Math.Round(count * testShare);
        if (testCount < 1 || testCount >= count) throw UsageException.For("--test-share", $"{testShare} of {count} rows leaves no training or no test rows");
        return ([.. order.Skip(testCount).Order()], [.. order.Take(testCount).Order()]);
    }

    /// <summary>The run's model as an encoder, or a one-line error naming the model.</summary>
    public static IEncodingModel Encoder(GanModel model, string runPath) =>
        model as IEncodingModel ?? throw UsageException.For("<run>", $"{runPath} trained '{model.Name}', which has no encoder; encode takes a run of a model with one (bigan, aae, infogan)");
}
