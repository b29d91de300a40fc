namespace GanAugment.Tensors;

/// <summary>
/// Where tensor storage comes from. Inside a <see cref="TensorPool.Scope"/> on this thread the
/// floats are rented from that pool and handed back when the scope ends; elsewhere they are
/// ordinary managed arrays.
/// </summary>
internal static class TensorBuffer
{
    [ThreadStatic] private static TensorPool? t_pool;

    internal static TensorPool? Current
    {
        get => t_pool;
        set => t_pool = value;
    }

    /// <summary>A buffer of at least <paramref name="length"/> floats, zeroed when asked.</summary>
    public static float[] Allocate(int length, bool zeroed)
    {
        if (length == 0) return [];
        if (t_pool is { } pool)
        {
            var rented = pool.Rent(length);
            if (zeroed) Array.Clear(rented, 0, length);
            return rented;
        }
        return AllocatePersistent(length, zeroed);
    }

    /// <summary>A buffer that outlives any pool scope (gradients of leaves, state kept across steps).</summary>
    public static float[] AllocatePersistent(int length, bool zeroed)
    {
        if (length == 0) return [];
        // NOTE: uninitialised arrays skip the memset that every kernel overwrites anyway.
        return zeroed ? new float[length] : GC.AllocateUninitializedArray<float>(length);
    }
}
