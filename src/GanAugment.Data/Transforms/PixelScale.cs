namespace GanAugment.Data.Transforms;

/// <summary>How byte pixels 0..255 map to floats.</summary>
public enum PixelScale
{
    /// <summary>x / 255, in [0, 1] (sigmoid outputs, classifiers).</summary>
    UnitInterval,

    /// <summary>x / 127.5 − 1, in [−1, 1] (tanh generator outputs, as in DCGAN).</summary>
    Symmetric,
}
