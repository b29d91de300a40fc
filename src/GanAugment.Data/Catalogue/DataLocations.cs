namespace GanAugment.Data.Catalogue;

/// <summary>The environment variables that steer the catalogue, read only when a request leaves them open.</summary>
public static class DataLocations
{
    /// <summary>Cache root override.</summary>
    public const string DataVariable = "GANAUG_DATA";

    /// <summary>Mirror base URL override (see <see cref="DatasetRequest.Mirror"/>).</summary>
    public const string MirrorVariable = "GANAUG_MIRROR";

    /// <summary><c>$GANAUG_DATA</c>, else <c>$XDG_CACHE_HOME/ganaugment</c>, else <c>~/.cache/ganaugment</c>.</summary>
    public static string DefaultCacheRoot(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (NonEmpty(environment(DataVariable)) is { } data) return data;
        if (NonEmpty(environment("XDG_CACHE_HOME")) is { } xdg) return Path.Combine(xdg, "ganaugment");
        var home = NonEmpty(environment("HOME")) ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".cache", "ganaugment");
    }

    /// <summary><c>$GANAUG_MIRROR</c> when set, else null.</summary>
    public static string? DefaultMirror(Func<string, string?> environment) => NonEmpty(environment(MirrorVariable));

    internal static Func<string, string?> Process => Environment.GetEnvironmentVariable;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
