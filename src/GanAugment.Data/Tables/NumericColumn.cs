namespace GanAugment.Data.Tables;

/// <summary>
/// A column of doubles where <see cref="double.NaN"/> is a missing value. Infinities are
/// rejected. <see cref="IsIntegral"/> records whether every present value is a whole number, so
/// that generated values can be rounded back to integers.
/// </summary>
public sealed class NumericColumn : Column
{
    // NOTE: 2^53 is the largest magnitude below which every whole double is exactly an integer.
    private const double MaxExactInteger = 9007199254740992.0;

    private readonly double[] _values;

    /// <summary>Wraps <paramref name="values"/> (not copied; do not change it afterwards).</summary>
    public NumericColumn(string name, double[] values) : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        var integral = true;
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            if (double.IsInfinity(v))
                throw new ArgumentException($"column '{name}' holds an infinite value", nameof(values));
            integral &= Math.Abs(v) < MaxExactInteger && Math.Floor(v) == v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        _values = values;
        IsIntegral = integral;
        Min = min;
        Max = max;
    }

    public override ColumnKind Kind => ColumnKind.Numeric;

    public override int Count => _values.Length;

    public IReadOnlyList<double> Values => _values;

    public double this[int row] => _values[row];

    /// <summary>True when every present value is a whole number (vacuously true with none).</summary>
    public bool IsIntegral { get; }

    /// <summary>Smallest present value, or +∞ when all values are missing.</summary>
    public double Min { get; }

    /// <summary>Largest present value, or -∞ when all values are missing.</summary>
    public double Max { get; }

    public ReadOnlySpan<double> AsSpan() => _values;

    public override bool IsMissing(int row) => double.IsNaN(_values[row]);

    public override NumericColumn SelectRows(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var values = new double[rows.Count];
        for (var i = 0; i < values.Length; i++) values[i] = _values[rows[i]];
        return new NumericColumn(Name, values);
    }

    public override NumericColumn Rename(string name) => new(name, _values);
}
