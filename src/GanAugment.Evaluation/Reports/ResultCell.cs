using GanAugment.Data.Writers.Charts;
using GanAugment.Evaluation.Statistics;

namespace GanAugment.Evaluation.Reports;

/// <summary>One method's result on one metric: mean ± std over runs, and optionally the p-value of a test against a baseline.</summary>
public readonly record struct ResultCell(Summary Value, double? PValue);
