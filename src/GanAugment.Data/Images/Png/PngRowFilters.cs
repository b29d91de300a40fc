namespace GanAugment.Data.Images.Png;

/// <summary>How <see cref="PngEncoder"/> filters rows before deflating them.</summary>
public enum PngRowFilters
{
    /// <summary>Per row, the filter with the smallest sum of absolute residuals (PNG spec 12.8).</summary>
    Adaptive,

    /// <summary>Filter type 0 on every row: the bytes as they are.</summary>
    None,
}
