using System.Diagnostics;

namespace GanAugment.Bench;

/// <summary>Warms a case up, then times <c>runs</c> calls and summarises them (median, min, max).</summary>
public static class BenchRunner
{
    /// <summary>Warm-up: at least this many calls and this much time, so the JIT and thread pool are settled.</summary>
    private const int WarmupCalls = 5;
    private static readonly TimeSpan WarmupTime = TimeSpan.FromMilliseconds(200);

    public static BenchResult Measure(IBenchCase benchCase, int runs, int threads)
    {
        benchCase.Setup();
        long warmStart = Stopwatch.GetTimestamp();
        for (int i = 0; i < WarmupCalls || (Stopwatch.GetElapsedTime(warmStart) < WarmupTime && i < 1000); i++)
        {
            benchCase.Run();
        }

        var times = new double[runs];
        var cpu = new double[runs];
        CpuLoad load = CpuLoad.Start();
        long allocStart = GC.GetTotalAllocatedBytes(precise: true);
        TimeSpan pauseStart = GC.GetTotalPauseDuration();
        for (int i = 0; i < runs; i++)
        {
            double cpuStart = ProcessCpuClock.Milliseconds();
            long start = Stopwatch.GetTimestamp();
            benchCase.Run();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            cpu[i] = ProcessCpuClock.Milliseconds() - cpuStart;
        }

        double allocPerRun = (double)(GC.GetTotalAllocatedBytes(precise: true) - allocStart) / runs;
        double gcShare = (GC.GetTotalPauseDuration() - pauseStart).TotalMilliseconds / times.Sum();
        double foreign = load.ForeignCpus();
        double median = Median(times);
        double gflops = benchCase.Flops > 0 ? benchCase.Flops / (median * 1e6) : 0;
        return new BenchResult(benchCase.Name, median, times.Min(), times.Max(), gflops, threads, runs, foreign, Median(cpu), allocPerRun, gcShare, benchCase.Unit);
    }

    private static double Median(double[] values)
    {
        double[] sorted = [.. values];
        Array.Sort(sorted);
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }
}
