namespace GanAugment.Data.Images;

/// <summary>The train and test parts of a named image data set.</summary>
public sealed record ImageDatasetSplit(ImageDataset Train, ImageDataset Test);
