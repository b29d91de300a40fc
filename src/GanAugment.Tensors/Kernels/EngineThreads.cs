namespace GanAugment.Tensors.Kernels;

/// <summary>
/// The one thread setting that every engine kernel honours. Kernels split work only over
/// independent output blocks, so the result bits do not depend on <see cref="Count"/>.
/// </summary>
public static class EngineThreads
{
    private static int s_count = Environment.ProcessorCount;

    /// <summary>Maximum number of threads a kernel may use (default: <see cref="Environment.ProcessorCount"/>).</summary>
    public static int Count => Volatile.Read(ref s_count);

    /// <summary>Sets the maximum number of threads every kernel may use.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is less than 1.</exception>
    public static void Set(int threads)
    {
        if (threads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, "EngineThreads.Set: the thread count must be at least 1.");
        }

        Volatile.Write(ref s_count, threads);
    }

    /// <summary>
    /// Runs <paramref name="body"/> for every index in [<paramref name="fromInclusive"/>,
    /// <paramref name="toExclusive"/>) on at most <see cref="Count"/> threads (the caller's thread
    /// included; helpers are <see cref="EngineWorkers"/>). Runs inline when the range has one index or
    /// <see cref="Count"/> is 1. An exception thrown by <paramref name="body"/> is rethrown as it is.
    /// </summary>
    public static void For(int fromInclusive, int toExclusive, Action<int> body)
    {
        For(fromInclusive, toExclusive, Count, body);
    }

    /// <summary>
    /// As <see cref="For(int, int, Action{int})"/> with an explicit thread cap instead of
    /// <see cref="Count"/> (kernels pass their own budget, tests pin one without touching the setting).
    /// </summary>
    internal static void For(int fromInclusive, int toExclusive, int maxThreads, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        int n = toExclusive - fromInclusive;
        if (n <= 0)
        {
            return;
        }

        int threads = Math.Min(Math.Max(1, maxThreads), n);
        if (threads == 1)
        {
            for (int i = fromInclusive; i < toExclusive; i++)
            {
                body(i);
            }

            return;
        }

        EngineWorkers.Run(fromInclusive, n, threads - 1, body);
    }
}
