namespace GanAugment.Data.Images.Png;

/// <summary>The PNG colour types (IHDR byte 9), PNG specification section 11.2.2.</summary>
public enum PngColorType : byte
{
    Grey = 0,
    Rgb = 2,
    Palette = 3,
    GreyAlpha = 4,
    Rgba = 6,
}
