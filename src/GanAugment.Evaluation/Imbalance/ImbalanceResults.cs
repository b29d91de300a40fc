using GanAugment.Evaluation.Metrics;

namespace GanAugment.Evaluation.Imbalance;

/// <summary>One classifier of the protocol: a method at a seed, scored on the real test set.</summary>
public sealed record ImbalanceRun(ImbalanceMethod Method, int Seed, ClassificationReport Report, IReadOnlyList<int> TargetClasses, double Seconds)
{
    /// <summary>Recall of the minority class (the mean over the target classes when there are several).</summary>
    public double MinorityRecall => TargetClasses.Average(c => Report.Recall[c]);

    /// <summary>Precision of the minority class (the mean over the target classes).</summary>
    public double MinorityPrecision => TargetClasses.Average(c => Report.Precision[c]);

    /// <summary>The protocol's metrics by name, in report order.</summary>
    public IReadOnlyList<(string Metric, double Value)> Metrics =>
    [
        (ImbalanceResults.MinorityRecall, MinorityRecall),
        (ImbalanceResults.MinorityPrecision, MinorityPrecision),
        (ImbalanceResults.BalancedAccuracy, Report.BalancedAccuracy),
        (ImbalanceResults.Accuracy, Report.Accuracy),
    ];
}

/// <summary>Everything the protocol measured, and where its generators' run directories are.</summary>
public sealed record ImbalanceResults(
    ImbalanceExperiment Experiment,
    string DataName,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<int> ImbalancedCounts,
    IReadOnlyList<ImbalanceRun> Runs,
    IReadOnlyList<string> GeneratorFolders,
    IReadOnlyList<string> SampleGrids)
{
    public const string MinorityRecall = "minority recall";
    public const string MinorityPrecision = "minority precision";
    public const string BalancedAccuracy = "balanced accuracy";
    public const string Accuracy = "accuracy";

    public static IReadOnlyList<string> MetricNames { get; } = [MinorityRecall, MinorityPrecision, BalancedAccuracy, Accuracy];

    /// <summary>The methods that ran, in protocol order.</summary>
    public IReadOnlyList<ImbalanceMethod> Methods => [.. ImbalanceMethods.All.Where(m => Runs.Any(r => r.Method == m))];

    /// <summary>The values of <paramref name="metric"/> for <paramref name="method"/>, one per seed.</summary>
    public double[] Values(ImbalanceMethod method, string metric) =>
        [.. Runs.Where(r => r.Method == method).OrderBy(r => r.Seed).Select(r => r.Metrics.First(m => m.Metric == metric).Value)];
}
