namespace GanAugment.Data.Writers.Charts;

/// <summary>
/// One line of a <see cref="LineChart"/>: the points (X[i], Y[i]) joined in the order given. A
/// point with a NaN or infinite coordinate is skipped and breaks the line there.
/// <see cref="Dashed"/> draws a reference line (dashed, no point markers); <see cref="Color"/>
/// overrides the palette colour of the series' position.
/// </summary>
public sealed record LineSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    public bool Dashed { get; init; }

    public Rgb? Color { get; init; }
}
