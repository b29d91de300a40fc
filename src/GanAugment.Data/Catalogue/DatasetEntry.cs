namespace GanAugment.Data.Catalogue;

/// <summary>
/// A named data set in the catalogue: what it is, the files its <see cref="Loader"/> needs,
/// where to download them and how to verify them. <see cref="ClassNames"/> is empty and
/// <see cref="Shape"/> null when the loader discovers them (e.g. Omniglot's characters). An entry
/// whose reader has not landed yet has a null <see cref="Loader"/>: it can still be resolved and
/// downloaded, and <see cref="DatasetCatalogue.WithLoader"/> plugs the reader in later.
/// </summary>
public sealed record DatasetEntry(
    string Name,
    string Description,
    IReadOnlyList<string> ClassNames,
    DatasetShape? Shape,
    IReadOnlyList<DatasetFile> Files,
    DatasetLoader? Loader)
{
    /// <summary>Base URL that <see cref="Files"/> and <see cref="Archives"/> are downloaded from (ends in '/'); null when the set cannot be downloaded.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Downloads that hold some of <see cref="Files"/> as members (see <see cref="DatasetFile.Archive"/>).</summary>
    public IReadOnlyList<DatasetFile> Archives { get; init; } = [];

    /// <summary>Folders checked after the cache: system installs or the copy bundled with the repository.</summary>
    public IReadOnlyList<string> LocalFolders { get; init; } = [];

    /// <summary>Sub-folder of the cache root; entries that share a download (the EMNIST splits) share it.</summary>
    public string CacheFolder { get; init; } = Name;

    /// <summary>One sentence telling a user how to get the data when it is missing; "{cache}" stands for the cache folder.</summary>
    public string HowToGet { get; init; } = "";

    /// <summary>Home page of the data set.</summary>
    public string HomePage { get; init; } = "";

    /// <summary>Licence and attribution of the data.</summary>
    public string License { get; init; } = "";

    /// <summary>Set for a table (<see cref="DatasetCatalogue.LoadTable"/>); image entries leave it null.</summary>
    public DatasetTable? Table { get; init; }
}
