namespace GanAugment.Data.Images;

/// <summary>The colour mode images are converted to when a data set is built.</summary>
public enum ImageColor
{
    /// <summary>One channel; colour pictures are converted with the BT.601 luma weights.</summary>
    Grey,

    /// <summary>Three channels; grey pictures are replicated into R, G and B.</summary>
    Rgb,
}
