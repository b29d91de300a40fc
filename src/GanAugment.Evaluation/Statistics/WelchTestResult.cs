namespace GanAugment.Evaluation.Statistics;

/// <summary>Result of <see cref="WelchTTest"/>: statistic, Welch–Satterthwaite degrees of freedom, two-sided p-value.</summary>
public readonly record struct WelchTestResult(double T, double DegreesOfFreedom, double PValue);
