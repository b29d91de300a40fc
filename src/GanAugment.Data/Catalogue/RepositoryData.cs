namespace GanAugment.Data.Catalogue;

/// <summary>Finds data bundled with the repository (such as <c>data/mnist-small</c>) from wherever the program runs.</summary>
public static class RepositoryData
{
    /// <summary>
    /// The folders <paramref name="relativePath"/> found by walking up from the program's
    /// location and from the current directory, nearest first, without duplicates.
    /// </summary>
    public static IReadOnlyList<string> FindFolders(string relativePath)
    {
        var found = new List<string>();
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relativePath);
                if (Directory.Exists(candidate))
                {
                    if (!found.Contains(candidate)) found.Add(candidate);
                    break;
                }
            }
        return found;
    }
}
