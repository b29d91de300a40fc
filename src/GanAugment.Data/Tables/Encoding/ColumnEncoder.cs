namespace GanAugment.Data.Tables.Encoding;

/// <summary>
/// The fitted encoding of one column. Rows of the encoded matrix are <c>stride</c> floats long
/// and this column's block starts at <c>offset</c> in each row.
/// </summary>
internal abstract class ColumnEncoder(string name, bool hasMissingSlot)
{
    public string Name { get; } = name;

    public bool HasMissingSlot { get; } = hasMissingSlot;

    public abstract ColumnKind SourceKind { get; }

    public abstract ColumnEncodingKind Encoding { get; }

    public abstract int Width { get; }

    /// <summary>The spans of this column's block, with offsets relative to the block.</summary>
    public abstract IReadOnlyList<(int Offset, int Width, OutputSpanKind Kind)> LocalSpans { get; }

    public virtual IReadOnlyList<string> Categories => [];

    public virtual int ModeCount => 0;

    /// <summary>Everything fitted, for <see cref="TabularTransformer.ToJson"/>.</summary>
    public abstract ColumnEncoderState ToState();

    protected ColumnEncoderState BaseState() => new() { Name = Name, Encoding = Encoding, HasMissingSlot = HasMissingSlot };

    /// <summary>Writes the block of every row; the block must be zero on entry.</summary>
    public abstract void Encode(Column column, Span<float> data, int stride, int offset, Random random);

    public abstract Column Decode(ReadOnlySpan<float> data, int rows, int stride, int offset, bool clip);

    protected DataFormatException MissingNotFitted() =>
        new($"column '{Name}' has missing values but had none when the transformer was fitted");

    /// <summary>Index of the largest value (the first on ties).</summary>
    protected static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
            if (values[i] > values[best]) best = i;
        return best;
    }

    /// <summary><paramref name="range"/> itself when it is a finite interval (min ≤ max), else an exception.</summary>
    protected static (double Min, double Max) FiniteRange((double Min, double Max) range) =>
        double.IsFinite(range.Min) && double.IsFinite(range.Max) && range.Min <= range.Max
            ? range
            : throw new ArgumentException($"range [{range.Min}, {range.Max}] is not a finite interval");

    protected static float Clamp1(double value) => (float)Math.Clamp(value, -1.0, 1.0);
}
