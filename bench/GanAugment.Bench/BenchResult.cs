namespace GanAugment.Bench;

/// <summary>Timing summary of one case.</summary>
public sealed record BenchResult(
    string Name, double MedianMs, double MinMs, double MaxMs, double Gflops, int Threads, int Runs, double ForeignCpus);
