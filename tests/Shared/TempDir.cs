namespace GanAugment.TestSupport;

/// <summary>
/// The tests' one temporary folder: a fresh folder under the system temp folder, deleted on
/// dispose. Linked into every test project by tests/Directory.Build.props.
/// </summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ganaug-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>The path of <paramref name="name"/> inside the folder (nothing is created).</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The path of <paramref name="relative"/> inside the folder, with its parent folder created.</summary>
    public string PathOf(string relative)
    {
        var full = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="relative"/> and returns the full path.</summary>
    public string Write(string relative, byte[] bytes)
    {
        var full = PathOf(relative);
        System.IO.File.WriteAllBytes(full, bytes);
        return full;
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark and returns the full path.</summary>
    public string Write(string relative, string text)
    {
        var full = PathOf(relative);
        System.IO.File.WriteAllText(full, text);
        return full;
    }

    /// <summary>Every file below the folder, relative to it, in ordinal order.</summary>
    public string[] Files() => Directory.GetFiles(Path, "*", SearchOption.AllDirectories)
        .Select(f => System.IO.Path.GetRelativePath(Path, f)).Order(StringComparer.Ordinal).ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // NOTE: a leftover temp folder (a file still open on some platforms) must not fail a test run.
        }
    }
}
