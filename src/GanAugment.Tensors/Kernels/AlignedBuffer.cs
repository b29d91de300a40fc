using System.Runtime.InteropServices;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// A growable 64-byte-aligned native float buffer, used as per-thread kernel scratch
/// (<c>[ThreadStatic]</c> fields), so steady-state kernel calls allocate nothing. The memory is
/// released by the finalizer once the owning thread (and so the reference) is gone.
/// </summary>
internal sealed unsafe class AlignedBuffer
{
    private float* _pointer;
    private long _capacity;

    /// <summary>Returns a pointer to at least <paramref name="count"/> floats; contents are unspecified.</summary>
    public float* Get(long count)
    {
        if (count > _capacity)
        {
            NativeMemory.AlignedFree(_pointer);
            _pointer = null;
            long capacity = Math.Max(count, _capacity + (_capacity / 2));
            capacity = (capacity + 15) & ~15L;
            _pointer = (float*)NativeMemory.AlignedAlloc((nuint)(capacity * sizeof(float)), 64);
            _capacity = capacity;
        }

        return _pointer;
    }

    ~AlignedBuffer()
    {
        NativeMemory.AlignedFree(_pointer);
    }
}
