namespace GanAugment.Tensors;

/// <summary>
/// Counts the floating-point operations of the matrix products and convolutions run on this
/// thread while it is active (2·M·N·K per product, forward and backward alike), so benchmarks
/// report GFLOP/s of a whole training step from the work actually done.
/// </summary>
public sealed class FlopCounter
{
    [ThreadStatic] private static FlopCounter? t_active;

    public long Flops { get; private set; }

    /// <summary>Counts on this thread until the returned scope is disposed.</summary>
    public static IDisposable Measure(out FlopCounter counter)
    {
        var previous = t_active;
        counter = new FlopCounter();
        t_active = counter;
        return new Scope(previous);
    }

    internal static void Add(long flops)
    {
        if (t_active is { } c) c.Flops += flops;
    }

    private sealed class Scope(FlopCounter? previous) : IDisposable
    {
        public void Dispose() => t_active = previous;
    }
}
