namespace GanAugment.Data.Tables.Encoding;

/// <summary>
/// CTGAN's mode-specific normalisation of a numeric column: a <see cref="GaussianMixture"/> is
/// fitted to the present values; a value x is encoded as α = (x - μ_k)/(4σ_k) clipped to
/// [-1, 1] and the one-hot of its mode k, with k drawn from the posterior p(k | x) (or its
/// argmax). A missing value is the one-hot of an extra last "missing" mode with α = 0.
/// </summary>
/// <remarks>
/// NOTE: CTGAN clips α, so a value further than 4σ from every mode would come back changed.
/// After fitting, each mode's σ is widened just enough that every fitted value lies within 4σ
/// of some mode, and a value's mode is chosen among the modes that reach it; the fitted data
/// therefore round-trips to float precision.
/// </remarks>
internal sealed class ModeSpecificEncoder : ColumnEncoder
{
    private const double Reach = 4.0;

    private readonly GaussianMixture _mixture;
    private readonly bool _integral;
    private readonly ModeSelection _selection;

    /// <summary>An encoder of <paramref name="mixture"/> (already widened to cover the seen values) and the seen range, as fitted before.</summary>
    public ModeSpecificEncoder(string name, bool hasMissingSlot, GaussianMixture mixture, (double Min, double Max) range, bool integral, ModeSelection selection)
        : base(name, hasMissingSlot)
    {
        _mixture = mixture;
        (Min, Max) = FiniteRange(range);
        _integral = integral;
        _selection = selection;
    }

    /// <summary>Fits the mixture to the present values of <paramref name="column"/> and widens it to cover them.</summary>
    public static ModeSpecificEncoder Fit(NumericColumn column, GaussianMixtureOptions options, ModeSelection selection, int seed)
    {
        var present = column.Values.Where(v => !double.IsNaN(v)).ToArray();
        var mixture = present.Length == 0 ? new GaussianMixture([1.0], [0.0], [1.0]) : Cover(GaussianMixture.Fit(present, options, seed), present);
        return new ModeSpecificEncoder(column.Name, column.MissingCount() > 0, mixture, MinMaxEncoder.SeenRange(column), column.IsIntegral, selection);
    }

    public GaussianMixture Mixture => _mixture;

    private double Min { get; }

    private double Max { get; }

    public override ColumnKind SourceKind => ColumnKind.Numeric;

    public override ColumnEncodingKind Encoding => ColumnEncodingKind.ModeSpecific;

    public override int ModeCount => _mixture.Count;

    private int GroupWidth => _mixture.Count + (HasMissingSlot ? 1 : 0);

    public override int Width => 1 + GroupWidth;

    public override IReadOnlyList<(int Offset, int Width, OutputSpanKind Kind)> LocalSpans =>
        [(0, 1, OutputSpanKind.TanhScalar), (1, GroupWidth, OutputSpanKind.SoftmaxGroup)];

    public override ColumnEncoderState ToState() => BaseState() with
    {
        Min = Min,
        Max = Max,
        Integral = _integral,
        Weights = [.. _mixture.Weights],
        Means = [.. _mixture.Means],
        StdDevs = [.. _mixture.StdDevs],
    };

    public override void Encode(Column column, Span<float> data, int stride, int offset, Random random)
    {
        var values = ((NumericColumn)column).AsSpan();
        Span<double> scores = stackalloc double[_mixture.Count];
        for (var r = 0; r < values.Length; r++)
        {
            var block = data.Slice(r * stride + offset, Width);
            var x = values[r];
            if (double.IsNaN(x))
            {
                if (!HasMissingSlot) throw MissingNotFitted();
                block[1 + _mixture.Count] = 1f;
                continue;
            }
            var k = ChooseMode(x, scores, random);
            block[0] = Clamp1((x - _mixture.Means[k]) / (Reach * _mixture.StdDevs[k]));
            block[1 + k] = 1f;
        }
    }

    public override Column Decode(ReadOnlySpan<float> data, int rows, int stride, int offset, bool clip)
    {
        var values = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var block = data.Slice(r * stride + offset, Width);
            var k = ArgMax(block[1..]);
            if (k == _mixture.Count) { values[r] = double.NaN; continue; }
            var alpha = Math.Clamp((double)block[0], -1.0, 1.0);
            var x = _mixture.Means[k] + Reach * _mixture.StdDevs[k] * alpha;
            if (clip) x = Math.Clamp(x, Min, Max);
            values[r] = _integral ? Math.Round(x) : x;
        }
        return new NumericColumn(Name, values);
    }

    /// <summary>Picks a mode among those within 4σ of x (all modes if none is), by posterior.</summary>
    private int ChooseMode(double x, Span<double> scores, Random random)
    {
        _mixture.LogJoint(x, scores);
        var anyReach = false;
        for (var k = 0; k < scores.Length; k++)
            anyReach |= Reaches(k, x);
        if (anyReach)
            for (var k = 0; k < scores.Length; k++)
                if (!Reaches(k, x)) scores[k] = double.NegativeInfinity;
        var best = 0;
        for (var k = 1; k < scores.Length; k++)
            if (scores[k] > scores[best]) best = k;
        if (_selection == ModeSelection.MostProbable) return best;

        var lse = GaussianMixture.LogSumExp(scores);
        var u = random.NextDouble();
        for (var k = 0; k < scores.Length; k++)
        {
            u -= Math.Exp(scores[k] - lse);
            if (u < 0) return k;
        }
        return best;
    }

    private bool Reaches(int k, double x) => Math.Abs(x - _mixture.Means[k]) <= Reach * _mixture.StdDevs[k];

    private static GaussianMixture Cover(GaussianMixture mixture, double[] values)
    {
        var stds = mixture.StdDevs.ToArray();
        foreach (var x in values)
        {
            var nearest = 0;
            var reached = false;
            for (var k = 0; k < stds.Length && !reached; k++)
            {
                reached = Math.Abs(x - mixture.Means[k]) <= Reach * stds[k];
                if (Math.Abs(x - mixture.Means[k]) / stds[k] < Math.Abs(x - mixture.Means[nearest]) / stds[nearest]) nearest = k;
            }
            // NOTE: the 1 + 1e-12 margin keeps x inside the reach after rounding.
            if (!reached) stds[nearest] = Math.Abs(x - mixture.Means[nearest]) / Reach * (1 + 1e-12);
        }
        return mixture.WithStdDevs(stds);
    }
}
