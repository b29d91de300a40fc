using System.Text;

namespace GanAugment.Data.Writers;

/// <summary>
/// The one way GanAugment writes a file: the bytes go to <c>&lt;path&gt;.tmp</c>, which then
/// replaces <c>path</c> by a rename, so a reader sees the old file or the whole new one, never half
/// a file. On any failure the temporary file is deleted and the original exception rethrown;
/// callers that report errors in their own terms (checkpoints, reports) translate it.
/// </summary>
public static class AtomicFile
{
    /// <summary>What is appended to a path to name its temporary file.</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>
    /// Writes what <paramref name="write"/> puts into the stream to <paramref name="path"/>.
    /// <paramref name="createFolder"/> creates the parent folder first; <paramref name="flushToDisk"/>
    /// forces the bytes to the device before the rename (for checkpoints that must survive a crash).
    /// </summary>
    public static void Write(string path, Action<Stream> write, bool createFolder = false, bool flushToDisk = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        if (createFolder && Path.GetDirectoryName(full) is { Length: > 0 } parent) Directory.CreateDirectory(parent);
        var tmp = full + TemporarySuffix;
        try
        {
            using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk);
            }
            File.Move(tmp, full, overwrite: true);
        }
        catch
        {
            TryDelete(tmp);
            throw;
        }
    }

    /// <summary>Writes the text that <paramref name="write"/> puts out to <paramref name="path"/> as UTF-8 without BOM, with LF line ends.</summary>
    public static void WriteText(string path, Action<TextWriter> write) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: -1, leaveOpen: true) { NewLine = "\n" };
        write(writer);
    });

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>.</summary>
    public static void WriteAllBytes(string path, byte[] bytes, bool createFolder = false) =>
        Write(path, s => s.Write(bytes), createFolder);

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> as UTF-8 without a byte-order mark.</summary>
    public static void WriteAllText(string path, string text, bool createFolder = false) =>
        WriteAllBytes(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text), createFolder);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // NOTE: the write already failed; that error is the one to report.
        }
    }
}
