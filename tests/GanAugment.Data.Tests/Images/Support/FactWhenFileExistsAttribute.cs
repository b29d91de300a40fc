namespace GanAugment.Data.Tests.Images;

/// <summary>
/// A fact that runs only when <c>path</c> exists on this machine (real data sets fetched
/// outside the repository) and is reported as skipped, with the reason, elsewhere.
/// </summary>
internal sealed class FactWhenFileExistsAttribute : FactAttribute
{
    public FactWhenFileExistsAttribute(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) Skip = $"{path} is not on this machine";
    }
}
