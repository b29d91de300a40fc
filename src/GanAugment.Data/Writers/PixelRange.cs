namespace GanAugment.Data.Writers;

/// <summary>The value range of float pixels: 0 maps to black and the top of the range to white.</summary>
public enum PixelRange
{
    /// <summary>[0, 1], the range of a sigmoid output or of pixels divided by 255.</summary>
    ZeroToOne,

    /// <summary>[-1, 1], the range of a tanh generator output (DCGAN convention).</summary>
    MinusOneToOne,
}
