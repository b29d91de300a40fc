namespace GanAugment.Tensors;

/// <summary>
/// Where tensor storage comes from. Every tensor's floats are obtained here, so a pool or an
/// arena can take over without touching the ops (see issue "Engine speed").
/// </summary>
internal static class TensorBuffer
{
    /// <summary>A buffer of at least <paramref name="length"/> floats, zeroed when asked.</summary>
    public static float[] Allocate(int length, bool zeroed)
    {
        if (length == 0) return [];
        // NOTE: uninitialised arrays skip the memset that every kernel overwrites anyway.
        return zeroed ? new float[length] : GC.AllocateUninitializedArray<float>(length);
    }
}
