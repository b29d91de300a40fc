using System.Diagnostics;

namespace GanAugment.Bench;

/// <summary>
/// Runs a case many times after its set-up and prints, every few calls, one JSON line with the
/// process's resident set, the managed heap, the GC collection counts, the managed bytes
/// allocated per call and the share of the wall time spent in GC pauses so far: the evidence that
/// a training step reuses its buffers (memory flat over thousands of steps), not a speed figure.
/// </summary>
public static class MemoryTrace
{
    public static void Run(IBenchCase benchCase, int calls, int every, TextWriter output)
    {
        benchCase.Setup();
        int[] collections0 = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        TimeSpan pause0 = GC.GetTotalPauseDuration();
        long allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        long start = Stopwatch.GetTimestamp();
        for (int call = 1; call <= calls; call++)
        {
            benchCase.Run();
            if (call % every != 0 && call != calls)
            {
                continue;
            }

            double wallMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            BenchReport.WriteJsonLine(output, writer =>
            {
                writer.WriteString("name", benchCase.Name);
                writer.WriteNumber($"{benchCase.Unit}s", call);
                writer.WriteNumber("rss_mb", Math.Round(Environment.WorkingSet / 1048576.0, 1));
                writer.WriteNumber("managed_heap_mb", Math.Round(GC.GetTotalMemory(forceFullCollection: false) / 1048576.0, 1));
                writer.WriteNumber("gen0", GC.CollectionCount(0) - collections0[0]);
                writer.WriteNumber("gen1", GC.CollectionCount(1) - collections0[1]);
                writer.WriteNumber("gen2", GC.CollectionCount(2) - collections0[2]);
                writer.WriteNumber($"alloc_bytes_per_{benchCase.Unit}", Math.Round((double)(GC.GetTotalAllocatedBytes(precise: true) - allocated0) / call));
                writer.WriteNumber("gc_share", Math.Round((GC.GetTotalPauseDuration() - pause0).TotalMilliseconds / wallMs, 5));
                writer.WriteNumber("ms_per_call", Math.Round(wallMs / call, 3));
            });
        }
    }
}
