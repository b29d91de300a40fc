using System.Runtime.InteropServices;

namespace GanAugment.Bench;

/// <summary>
/// This process's CPU time with nanosecond resolution (Linux <c>clock_gettime(CLOCK_PROCESS_CPUTIME_ID)</c>).
/// Compared with wall time it shows whether a run was preempted on a shared machine.
/// </summary>
internal static partial class ProcessCpuClock
{
    private const int ClockProcessCpuTimeId = 2;
    private static bool s_unavailable;

    /// <summary>CPU milliseconds used by the process so far, or NaN where the clock is unavailable.</summary>
    public static double Milliseconds()
    {
        if (s_unavailable || !OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        try
        {
            return ClockGetTime(ClockProcessCpuTimeId, out TimeSpec t) == 0 ? (t.Seconds * 1e3) + (t.Nanoseconds * 1e-6) : double.NaN;
        }
        catch (DllNotFoundException)
        {
            s_unavailable = true;
            return double.NaN;
        }
        catch (EntryPointNotFoundException)
        {
            s_unavailable = true;
            return double.NaN;
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
