namespace GanAugment.Data.Catalogue;

/// <summary>
/// One file of a catalogue entry, by its name in the data set's folder. A file whose name ends
/// in <c>.gz</c> is also found in its raw form (the name without <c>.gz</c>): IDX readers detect
/// gzip by content. When <see cref="Archive"/> is set the file is a member of that archive (one
/// of the entry's <see cref="DatasetEntry.Archives"/>) and is extracted from it into the cache.
/// </summary>
public sealed record DatasetFile(string Name, FileCheck Check)
{
    public DatasetFile(string name) : this(name, new FileCheck()) { }

    /// <summary>Name of the downloaded archive that holds this file, or null when it is downloaded itself.</summary>
    public string? Archive { get; init; }

    /// <summary>The names under which this file is accepted in a folder, preferred first.</summary>
    public IEnumerable<string> AcceptedNames()
    {
        yield return Name;
        if (Name.EndsWith(".gz", StringComparison.Ordinal)) yield return Name[..^3];
    }
}
