namespace GanAugment.Bench;

/// <summary>
/// Timing summary of one case: wall-clock median/min/max over the timed runs, GFLOP/s at the
/// median, the CPUs' worth of load other processes added meanwhile, and the median CPU time this
/// process used per run (≈ threads × wall time when nothing preempted it), the managed bytes
/// allocated per run and the share of the timed wall time spent in GC pauses.
/// </summary>
public sealed record BenchResult(
    string Name, double MedianMs, double MinMs, double MaxMs, double Gflops, int Threads, int Runs, double ForeignCpus, double CpuMs,
    double AllocBytesPerRun = double.NaN, double GcShare = double.NaN, string Unit = "run");
