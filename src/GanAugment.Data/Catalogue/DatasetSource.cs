namespace GanAugment.Data.Catalogue;

/// <summary>Where <see cref="DatasetCatalogue.Resolve"/> found a data set, in resolution order.</summary>
public enum DatasetSource
{
    /// <summary>The folder the user passed explicitly.</summary>
    ExplicitPath,

    /// <summary>The user cache (<c>$GANAUG_DATA</c>, <c>$XDG_CACHE_HOME/ganaugment</c> or <c>~/.cache/ganaugment</c>).</summary>
    Cache,

    /// <summary>A copy installed on the system or bundled with the repository.</summary>
    LocalCopy,

    /// <summary>Downloaded (or extracted) into the cache by this call.</summary>
    Downloaded,
}
