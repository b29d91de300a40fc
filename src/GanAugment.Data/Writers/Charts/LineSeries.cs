namespace GanAugment.Data.Writers.Charts;

/// <summary>
/// One series of a <see cref="LineChart"/>: the points (X[i], Y[i]) in the order given, joined by
/// a line unless <see cref="Joined"/> is false (a scatter). A point with a NaN or infinite
/// coordinate is skipped and breaks the line there; a point left alone by the break is marked.
/// <see cref="Dashed"/> draws a reference line (no markers unless asked); <see cref="Color"/>
/// overrides the palette colour of the series' position; <see cref="Opacity"/> below 1 draws
/// faint values behind others (raw losses behind their smoothed curve).
/// </summary>
public sealed record LineSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    public bool Dashed { get; init; }

    public Rgb? Color { get; init; }

    /// <summary>Whether consecutive points are joined by a line.</summary>
    public bool Joined { get; init; } = true;

    public SeriesMarks Marks { get; init; } = SeriesMarks.Auto;

    /// <summary>Marker diameter in pixels.</summary>
    public float MarkerSize { get; init; } = 6;

    /// <summary>Whether markers get a thin dark ring, which keeps them visible on a line of their own colour.</summary>
    public bool OutlinedMarks { get; init; }

    /// <summary>Line width in pixels.</summary>
    public float LineWidth { get; init; } = 2;

    /// <summary>From 0 (invisible) to 1 (opaque).</summary>
    public double Opacity { get; init; } = 1;

    /// <summary>Whether <see cref="Name"/> appears in the legend.</summary>
    public bool InLegend { get; init; } = true;
}

/// <summary>How the points of a <see cref="LineSeries"/> are marked.</summary>
public enum SeriesMarks
{
    /// <summary>Dots when the points are few enough to stand apart (a dashed line: none).</summary>
    Auto,

    None,

    /// <summary>A filled dot on every point.</summary>
    Dots,

    /// <summary>A hollow square on every point (keeps a second scatter apart where it overlaps the first).</summary>
    HollowSquares,
}
