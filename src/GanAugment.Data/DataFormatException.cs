namespace GanAugment.Data;

/// <summary>
/// A user-facing data error: bad file, bad option, bad content. The message is one line that
/// names the file (and the line or byte offset where known), so the CLI can print it as is.
/// </summary>
public sealed class DataFormatException : Exception
{
    public DataFormatException(string message) : base(message) { }

    public DataFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Formats "file: message" or "file:line: message" or "file@offset: message".</summary>
    public static DataFormatException At(string file, string message, long? line = null, long? offset = null)
    {
        var where = line is { } l ? $"{file}:{l}" : offset is { } o ? $"{file} (byte {o})" : file;
        return new DataFormatException($"{where}: {message}");
    }
}
