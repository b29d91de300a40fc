using GanAugment.Data.Tables;

namespace GanAugment.Data.Catalogue;

/// <summary>
/// What makes a catalogue entry a table rather than images: the column that holds the classes,
/// how its resolved files are read into the training table, and, when the source ships a separate
/// held-out part (libfann's thyroid.test), how that is read.
/// </summary>
public sealed record DatasetTable(string Target, Func<DatasetFiles, Table> Read)
{
    /// <summary>Reads the held-out part, or null when the source has none.</summary>
    public Func<DatasetFiles, Table>? ReadTest { get; init; }
}
