namespace GanAugment.Data.Tables.Encoding;

/// <summary>
/// The fitted state of one column encoder as stored in JSON. Which members are set depends on
/// <see cref="Encoding"/>: <see cref="Categories"/> for one-hot; the seen range and
/// <see cref="Integral"/> for min-max; those and the (widened) mixture for mode-specific.
/// </summary>
internal sealed record ColumnEncoderState
{
    public required string Name { get; init; }

    public required ColumnEncodingKind Encoding { get; init; }

    public bool HasMissingSlot { get; init; }

    public string[]? Categories { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    public bool? Integral { get; init; }

    public double[]? Weights { get; init; }

    public double[]? Means { get; init; }

    public double[]? StdDevs { get; init; }
}

/// <summary>A whole fitted <see cref="TabularTransformer"/> as stored in JSON.</summary>
internal sealed record TabularTransformerState
{
    public required int Format { get; init; }

    public string? TableName { get; init; }

    public string? LabelName { get; init; }

    public required TabularTransformerOptions Options { get; init; }

    public required ColumnEncoderState[] Columns { get; init; }
}

/// <summary>
/// Writes and reads <see cref="TabularTransformerState"/> through <see cref="DataJson"/>. Doubles
/// are written in their shortest round-trip form, so a transformer read back encodes and decodes
/// with the same bits.
/// </summary>
internal static class TabularTransformerJson
{
    public const int Format = 1;

    private const string What = "a tabular transformer";

    public static string Write(TabularTransformerState state) => DataJson.Write(state);

    public static TabularTransformerState Read(string json, string source)
    {
        var state = DataJson.Read<TabularTransformerState>(json, source, What);
        DataJson.CheckFormat(state.Format, Format, source, "transformer");
        return state;
    }

    /// <summary>The encoder that <paramref name="state"/> describes, or an error naming the column and what is wrong.</summary>
    public static ColumnEncoder Encoder(ColumnEncoderState state, ModeSelection selection, string source)
    {
        try
        {
            return state.Encoding switch
            {
                ColumnEncodingKind.OneHot => new OneHotEncoder(state.Name, state.HasMissingSlot, Need(state.Categories, "categories")),
                ColumnEncodingKind.MinMax => new MinMaxEncoder(state.Name, state.HasMissingSlot, Range(state), Need(state.Integral, "integral")),
                ColumnEncodingKind.ModeSpecific => new ModeSpecificEncoder(state.Name, state.HasMissingSlot,
                    new GaussianMixture(Need(state.Weights, "weights"), Need(state.Means, "means"), Need(state.StdDevs, "stdDevs")),
                    Range(state), Need(state.Integral, "integral"), selection),
                _ => throw new ArgumentException($"unknown encoding {state.Encoding}"),
            };
        }
        catch (ArgumentException e)
        {
            throw DataFormatException.At(source, $"column '{ColumnInference.Shorten(state.Name)}': {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    private static (double Min, double Max) Range(ColumnEncoderState state) => (Need(state.Min, "min"), Need(state.Max, "max"));

    private static T Need<T>(T? value, string member) where T : class =>
        value ?? throw new ArgumentException($"'{member}' is missing");

    private static T Need<T>(T? value, string member) where T : struct =>
        value ?? throw new ArgumentException($"'{member}' is missing");
}
