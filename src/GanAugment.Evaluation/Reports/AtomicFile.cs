using System.Text;
using GanAugment.Data;

namespace GanAugment.Evaluation.Reports;

/// <summary>
/// Writes a whole file through <c>path.tmp</c> and a rename, so a reader never sees a half-written
/// report, and turns I/O failures into one <see cref="DataFormatException"/> line naming the file.
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));

    /// <exception cref="DataFormatException">The file cannot be written.</exception>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var temporary = path + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new DataFormatException($"{path}: cannot write: {e.Message}", e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original error is the one worth reporting; a leftover .tmp is harmless.
        }
    }
}
