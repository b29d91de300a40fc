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
        CpuLoad load = CpuLoad.Start();
        for (int i = 0; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            benchCase.Run();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        double foreign = load.ForeignCpus();
        Array.Sort(times);
        double median = runs % 2 == 1 ? times[runs / 2] : (times[(runs / 2) - 1] + times[runs / 2]) / 2;
        double gflops = benchCase.Flops > 0 ? benchCase.Flops / (median * 1e6) : 0;
        return new BenchResult(benchCase.Name, median, times[0], times[^1], gflops, threads, runs, foreign);
    }
}
