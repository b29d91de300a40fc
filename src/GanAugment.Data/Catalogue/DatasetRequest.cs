namespace GanAugment.Data.Catalogue;

/// <summary>
/// Which data set to load and where to look. Resolution order: <see cref="Path"/> when given
/// (and nothing else), then the cache, then local copies, then a download into the cache.
/// </summary>
public sealed record DatasetRequest(string Name)
{
    /// <summary>A folder holding the data set's files; when given, no other place is tried.</summary>
    public string? Path { get; init; }

    /// <summary>Cache root; null means <see cref="DataLocations.DefaultCacheRoot"/> of the process environment.</summary>
    public string? CacheRoot { get; init; }

    /// <summary>
    /// Mirror base URL; the file <c>F</c> of an entry with cache folder <c>D</c> is fetched from
    /// <c>{Mirror}/D/F</c> instead of the entry's base URL. Null means <c>$GANAUG_MIRROR</c> if set.
    /// </summary>
    public string? Mirror { get; init; }

    /// <summary>Whether a missing data set may be downloaded.</summary>
    public bool AllowDownload { get; init; } = true;

    /// <summary>Whether system and bundled copies are used.</summary>
    public bool UseLocalCopies { get; init; } = true;

    /// <summary>Whether files found locally are verified against their checksums too (downloads always are).</summary>
    public bool VerifyLocalFiles { get; init; }

    /// <summary>Receives one line per download or extraction, for progress display.</summary>
    public Action<string>? Log { get; init; }
}
