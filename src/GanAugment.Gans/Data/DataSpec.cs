using System.Text.Json.Serialization;

namespace GanAugment.Gans;

/// <summary>The kinds of data a model can be trained on; a model lists the ones it accepts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Modality>))]
public enum Modality
{
    Images,
    Table,
    Sequences,
    ImagePairs,
}

/// <summary>
/// What a model is built for and what its samples are: the shape of one item and the class names
/// (none for unlabelled data). It travels from the data set into the model and into the run
/// directory (<c>options.json</c>), so a saved run can be sampled without its data and its
/// samples written back in the input's own format.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "modality")]
[JsonDerivedType(typeof(ImageSpec), "images")]
[JsonDerivedType(typeof(ImagePairSpec), "image-pairs")]
[JsonDerivedType(typeof(TableSpec), "table")]
[JsonDerivedType(typeof(SequenceSpec), "sequences")]
public abstract record DataSpec
{
    [JsonIgnore]
    public abstract Modality Modality { get; }

    public abstract IReadOnlyList<string> ClassNames { get; }

    [JsonIgnore]
    public int ClassCount => ClassNames.Count;

    /// <summary>The shape of one generated item ([C, H, W], [T, F] or [width of an encoded row]).</summary>
    [JsonIgnore]
    public abstract int[] ItemShape { get; }

    /// <summary>Floats per item.</summary>
    [JsonIgnore]
    public int Size => ItemShape.Aggregate(1, (a, b) => a * b);

    /// <summary>One line for headers and <c>data info</c>: "10000 images of 1x28x28, 10 classes".</summary>
    public abstract string Describe(int count);

    protected string Classes => ClassCount == 0 ? "unlabelled" : $"{ClassCount} classes";
}

/// <summary>Images of C×H×W.</summary>
public sealed record ImageSpec(int Channels, int Height, int Width, IReadOnlyList<string> ClassNames) : DataSpec
{
    public override Modality Modality => Modality.Images;
    public override IReadOnlyList<string> ClassNames { get; } = ClassNames;
    public override int[] ItemShape => [Channels, Height, Width];
    public override string Describe(int count) => $"{count} images of {Channels}x{Height}x{Width}, {Classes}";
}

/// <summary>Pairs (source, target) of two images of one class; a generated item is an image of <see cref="Image"/>'s shape.</summary>
public sealed record ImagePairSpec(ImageSpec Image) : DataSpec
{
    public override Modality Modality => Modality.ImagePairs;
    public override IReadOnlyList<string> ClassNames => Image.ClassNames;
    public override int[] ItemShape => Image.ItemShape;
    public override string Describe(int count) => $"{count} image pairs of {Image.Channels}x{Image.Height}x{Image.Width}, {Classes}";
}

/// <summary>How a block of an encoded table row is produced by a generator.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BlockActivation>))]
public enum BlockActivation
{
    /// <summary>A scalar in [-1, 1] (a normalised numeric value).</summary>
    Tanh,

    /// <summary>A one-hot group (a category, or the mode of a numeric value).</summary>
    Softmax,
}

/// <summary>One block of an encoded table row: which column it encodes, where it sits, and its output activation.</summary>
public sealed record TableBlock(string Column, int Offset, int Width, BlockActivation Activation);

/// <summary>
/// Table rows encoded by a fitted <c>TabularTransformer</c> (CTGAN's mode-specific normalisation):
/// the encoded width, its blocks, the class names of the target column (the condition, not part
/// of the row), and what is needed to decode rows back to the input's columns (in their order)
/// and write them in its format: the transformer's state and the file format ("csv", "arff" or "parquet").
/// </summary>
public sealed record TableSpec(int Width, IReadOnlyList<TableBlock> Blocks, IReadOnlyList<string> ColumnOrder, string? Target, IReadOnlyList<string> ClassNames, string Transformer, string Format) : DataSpec
{
    /// <summary>Numeric columns of the input that were modelled as discrete, written back as numbers.</summary>
    public IReadOnlyList<string> Discretized { get; init; } = [];

    public override Modality Modality => Modality.Table;
    public override IReadOnlyList<string> ClassNames { get; } = ClassNames;
    public override int[] ItemShape => [Width];
    public override string Describe(int count) => $"{count} rows of {Blocks.Select(b => b.Column).Distinct().Count()} columns ({Width} encoded), {Classes}";
}

/// <summary>
/// Sequences of <see cref="Length"/> steps with <see cref="Features"/> features, scaled per feature
/// (the scaler's state is kept to scale generated series back), with the input's format ("long"
/// or "wide" CSV), and the static attributes per series when the set has them.
/// </summary>
public sealed record SequenceSpec(int Length, int Features, IReadOnlyList<string> FeatureNames, IReadOnlyList<string> ClassNames, string Scaler, string Format) : DataSpec
{
    /// <summary>The static attributes a model is conditioned on, or null when the series have none.</summary>
    public SeriesAttributes? Attributes { get; init; }

    /// <summary>A, the number of static attributes (0 when none).</summary>
    [JsonIgnore]
    public int AttributeCount => Attributes?.Count ?? 0;

    public override Modality Modality => Modality.Sequences;
    public override IReadOnlyList<string> ClassNames { get; } = ClassNames;
    public override int[] ItemShape => [Length, Features];
    public override string Describe(int count) => $"{count} sequences of {Length} steps x {Features} features, {Classes}"
        + (Attributes is { } a ? $", static attributes {string.Join(", ", a.Names)}" : "");
}
