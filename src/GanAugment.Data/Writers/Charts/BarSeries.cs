namespace GanAugment.Data.Writers.Charts;

/// <summary>
/// One method's bars in a <see cref="BarChart"/>: a value per category and optionally an error
/// (a standard deviation, drawn as ±error). NaN skips a bar or an error bar.
/// </summary>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values, IReadOnlyList<double>? Errors = null);
