namespace GanAugment.Data.Tables.Encoding;

/// <summary>
/// A numeric column as α = 2(x - min)/(max - min) - 1 in [-1, 1] (values outside the fitted range
/// are clipped), followed by a 2-wide (observed, missing) group when the column had missing values.
/// </summary>
internal sealed class MinMaxEncoder : ColumnEncoder
{
    private readonly double _min;
    private readonly double _max;
    private readonly bool _integral;

    public MinMaxEncoder(NumericColumn column)
        : this(column.Name, column.MissingCount() > 0, SeenRange(column), column.IsIntegral)
    {
    }

    /// <summary>An encoder of the range [min, max] (finite, min ≤ max), as fitted before.</summary>
    public MinMaxEncoder(string name, bool hasMissingSlot, (double Min, double Max) range, bool integral) : base(name, hasMissingSlot)
    {
        (_min, _max) = FiniteRange(range);
        _integral = integral;
    }

    /// <summary>The smallest and largest present value, or (0, 0) when every value is missing.</summary>
    public static (double Min, double Max) SeenRange(NumericColumn column) =>
        column.MissingCount() < column.Count ? (column.Min, column.Max) : (0, 0);

    public override ColumnKind SourceKind => ColumnKind.Numeric;

    public override ColumnEncodingKind Encoding => ColumnEncodingKind.MinMax;

    public override int Width => HasMissingSlot ? 3 : 1;

    public override IReadOnlyList<(int Offset, int Width, OutputSpanKind Kind)> LocalSpans =>
        HasMissingSlot ? [(0, 1, OutputSpanKind.TanhScalar), (1, 2, OutputSpanKind.SoftmaxGroup)] : [(0, 1, OutputSpanKind.TanhScalar)];

    public override ColumnEncoderState ToState() => BaseState() with { Min = _min, Max = _max, Integral = _integral };

    public override void Encode(Column column, Span<float> data, int stride, int offset, Random random)
    {
        var values = ((NumericColumn)column).AsSpan();
        for (var r = 0; r < values.Length; r++)
        {
            var block = data.Slice(r * stride + offset, Width);
            var x = values[r];
            if (double.IsNaN(x))
            {
                if (!HasMissingSlot) throw MissingNotFitted();
                block[2] = 1f;
                continue;
            }
            block[0] = _max > _min ? Clamp1(2 * (x - _min) / (_max - _min) - 1) : 0f;
            if (HasMissingSlot) block[1] = 1f;
        }
    }

    public override Column Decode(ReadOnlySpan<float> data, int rows, int stride, int offset, bool clip)
    {
        var values = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var block = data.Slice(r * stride + offset, Width);
            if (HasMissingSlot && block[2] > block[1]) { values[r] = double.NaN; continue; }
            var alpha = Math.Clamp((double)block[0], -1.0, 1.0);
            var x = _min + (alpha + 1) / 2 * (_max - _min);
            values[r] = _integral ? Math.Round(x) : x;
        }
        return new NumericColumn(Name, values);
    }
}
