namespace GanAugment.Data.Tables.Encoding;

/// <summary>How a generator should squash one span of the encoded row.</summary>
public enum OutputSpanKind
{
    /// <summary>One value in [-1, 1]: apply tanh.</summary>
    TanhScalar,

    /// <summary>A one-hot group: apply softmax (or Gumbel-softmax) over the span.</summary>
    SoftmaxGroup,
}

/// <summary>
/// A span of the encoded row: <see cref="Width"/> floats starting at <see cref="Offset"/>,
/// belonging to <see cref="Column"/> (an index into <see cref="TabularTransformer.Columns"/>).
/// </summary>
public readonly record struct OutputSpan(int Column, int Offset, int Width, OutputSpanKind Kind);
