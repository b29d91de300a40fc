using System.Diagnostics;
using System.Globalization;

namespace GanAugment.Bench;

/// <summary>
/// Measures how much CPU other processes used during a timed section (Linux /proc/stat busy time
/// minus this process's CPU time), so noisy figures on a shared machine can be told apart.
/// </summary>
public sealed class CpuLoad
{
    private readonly long _busyTicks;
    private readonly TimeSpan _ownCpu;
    private readonly long _start;

    private CpuLoad(long busyTicks, TimeSpan ownCpu)
    {
        _busyTicks = busyTicks;
        _ownCpu = ownCpu;
        _start = Stopwatch.GetTimestamp();
    }

    /// <summary>Starts a measurement.</summary>
    public static CpuLoad Start() => new(ReadBusyTicks(), Process.GetCurrentProcess().TotalProcessorTime);

    /// <summary>CPUs' worth of foreign load since <see cref="Start"/> (e.g. 0.4 = 40 % of one core); NaN if unknown.</summary>
    public double ForeignCpus()
    {
        double seconds = Stopwatch.GetElapsedTime(_start).TotalSeconds;
        long busy = ReadBusyTicks();
        if (busy < 0 || _busyTicks < 0 || seconds <= 0)
        {
            return double.NaN;
        }

        // /proc/stat counts in USER_HZ = 100 ticks per second on Linux.
        double allBusy = (busy - _busyTicks) / 100.0;
        double own = (Process.GetCurrentProcess().TotalProcessorTime - _ownCpu).TotalSeconds;
        return Math.Max(0, (allBusy - own) / seconds);
    }

    private static long ReadBusyTicks()
    {
        try
        {
            using var reader = new StreamReader("/proc/stat");
            string? line = reader.ReadLine();
            if (line is null || !line.StartsWith("cpu ", StringComparison.Ordinal))
            {
                return -1;
            }

            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long busy = 0;
            for (int i = 1; i < Math.Min(fields.Length, 9); i++)
            {
                // Fields: user nice system idle iowait irq softirq steal; idle and iowait are not busy.
                if (i != 4 && i != 5)
                {
                    busy += long.Parse(fields[i], CultureInfo.InvariantCulture);
                }
            }

            return busy;
        }
        catch (IOException)
        {
            return -1;
        }
        catch (UnauthorizedAccessException)
        {
            return -1;
        }
    }
}
