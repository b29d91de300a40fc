using GanAugment.Data.Images;

namespace GanAugment.Data.Catalogue;

/// <summary>Reads a resolved catalogue data set into memory.</summary>
public delegate ImageDatasetSplit DatasetLoader(DatasetEntry entry, DatasetFiles files);
