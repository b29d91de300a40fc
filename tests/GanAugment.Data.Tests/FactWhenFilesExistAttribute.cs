namespace GanAugment.Data.Tests;

/// <summary>A fact that is reported as skipped, with the reason, when any of the given files or folders is absent.</summary>
public sealed class FactWhenFilesExistAttribute : FactAttribute
{
    public FactWhenFilesExistAttribute(params string[] paths)
    {
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToArray();
        if (missing.Length > 0) Skip = $"needs {string.Join(", ", missing)}, which this machine does not have";
    }
}
