using GanAugment.Data;

namespace GanAugment.Data.Writers;

/// <summary>
/// Saves report files (tables, charts) through <see cref="AtomicFile"/> and turns an I/O failure
/// into one <see cref="DataFormatException"/> line naming the file, which the CLI prints as is.
/// </summary>
public static class ReportFile
{
    /// <exception cref="DataFormatException">The file cannot be written.</exception>
    public static void WriteAllText(string path, string text) => Translate(path, () => AtomicFile.WriteAllText(path, text));

    /// <exception cref="DataFormatException">The file cannot be written.</exception>
    public static void WriteAllBytes(string path, byte[] bytes) => Translate(path, () => AtomicFile.WriteAllBytes(path, bytes));

    private static void Translate(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException($"{path}: cannot write: {e.Message}", e);
        }
    }
}
