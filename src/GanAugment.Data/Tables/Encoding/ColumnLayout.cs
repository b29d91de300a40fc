namespace GanAugment.Data.Tables.Encoding;

/// <summary>
/// Where one source column lives in the encoded row and how it is encoded; a model reads its
/// output layout from <see cref="TabularTransformer.Columns"/> (or, span by span, from
/// <see cref="TabularTransformer.OutputSpans"/>).
/// <para>One-hot: one softmax group of the <see cref="Categories"/>, then a "missing" slot when
/// <see cref="HasMissingSlot"/>.</para>
/// <para>Min-max: a tanh scalar, then when <see cref="HasMissingSlot"/> a 2-wide softmax group
/// (observed, missing).</para>
/// <para>Mode-specific: a tanh scalar α, then a softmax group of <see cref="ModeCount"/> modes,
/// plus a last "missing" slot when <see cref="HasMissingSlot"/>.</para>
/// </summary>
/// <param name="Name">The source column's name.</param>
/// <param name="Encoding">How the column is encoded.</param>
/// <param name="Offset">Index of the column's first float in the encoded row.</param>
/// <param name="Width">Number of floats of the column; its block is [Offset, Offset + Width).</param>
/// <param name="Spans">The column's spans in order, with offsets in the whole row; they tile its block.</param>
/// <param name="Categories">The categories of a one-hot column in slot order; empty for numeric columns.</param>
/// <param name="ModeCount">Mixture modes of a mode-specific column; 0 otherwise.</param>
/// <param name="HasMissingSlot">Whether the column had missing values and so has a "missing" slot.</param>
public sealed record ColumnLayout(
    string Name,
    ColumnEncodingKind Encoding,
    int Offset,
    int Width,
    IReadOnlyList<OutputSpan> Spans,
    IReadOnlyList<string> Categories,
    int ModeCount,
    bool HasMissingSlot)
{
    /// <summary>The kind of the source column: categorical for one-hot, numeric otherwise.</summary>
    public ColumnKind Kind => Encoding == ColumnEncodingKind.OneHot ? ColumnKind.Categorical : ColumnKind.Numeric;
}
