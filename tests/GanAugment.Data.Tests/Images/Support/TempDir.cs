namespace GanAugment.Data.Tests.Images;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ganaugment-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Path of <paramref name="relative"/> under the folder; its parent folder is created.</summary>
    public string PathOf(string relative)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="relative"/> and returns the full path.</summary>
    public string Write(string relative, byte[] bytes)
    {
        var full = PathOf(relative);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="relative"/> and returns the full path.</summary>
    public string WriteText(string relative, string text)
    {
        var full = PathOf(relative);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over it.
        }
    }
}
