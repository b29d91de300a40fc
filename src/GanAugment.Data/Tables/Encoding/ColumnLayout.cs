namespace GanAugment.Data.Tables.Encoding;

/// <summary>
/// Where one source column lives in the encoded row and how it is encoded.
/// <para>One-hot: one softmax group of the <see cref="Categories"/>, then a "missing" slot when
/// <see cref="HasMissingSlot"/>.</para>
/// <para>Min-max: a tanh scalar, then when <see cref="HasMissingSlot"/> a 2-wide softmax group
/// (observed, missing).</para>
/// <para>Mode-specific: a tanh scalar α, then a softmax group of <see cref="ModeCount"/> modes,
/// plus a last "missing" slot when <see cref="HasMissingSlot"/>.</para>
/// </summary>
public sealed record ColumnLayout(
    string Name,
    ColumnEncodingKind Encoding,
    int Offset,
    int Width,
    IReadOnlyList<OutputSpan> Spans,
    IReadOnlyList<string> Categories,
    int ModeCount,
    bool HasMissingSlot);
