using GanAugment.Tensors.Kernels;

namespace GanAugment.Gans;

/// <summary>
/// The engine settings a program may choose, in one place, so that front ends (the CLI, a user's
/// program) need not reach into the tensor layer.
/// </summary>
public static class EngineSettings
{
    /// <summary>Worker threads of the engine's kernels (all cores by default). Results are bit-identical for any count.</summary>
    public static int Threads
    {
        get => EngineThreads.Count;
        set => EngineThreads.Set(value);
    }
}
