namespace GanAugment.Cli.Tests.Report;

/// <summary>
/// A fact that needs a Chromium to drive: $GANAUG_CHROMIUM, else Debian's /usr/bin/chromium.
/// Reported as skipped, with how to install one, where there is none (.ci/run installs it).
/// </summary>
public sealed class FactWhenChromiumAttribute : FactAttribute
{
    public FactWhenChromiumAttribute()
    {
        if (Executable is null) Skip = "needs Chromium (apt-get install -y chromium, or set GANAUG_CHROMIUM to its executable); this machine has none";
    }

    /// <summary>The browser to launch, or null when there is none.</summary>
    public static string? Executable =>
        new[] { Environment.GetEnvironmentVariable("GANAUG_CHROMIUM"), "/usr/bin/chromium" }.FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
}
