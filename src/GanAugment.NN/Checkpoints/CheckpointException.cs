namespace GanAugment.NN.Checkpoints;

/// <summary>
/// A checkpoint that cannot be read or restored: malformed safetensors file, missing part, state
/// that does not fit the model or optimizer. The message is one line that names the file (and the
/// byte offset where known), so the CLI can print it as is.
/// </summary>
public sealed class CheckpointException : Exception
{
    public CheckpointException(string message) : base(message) { }

    public CheckpointException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Formats "file: message" or "file (byte N): message".</summary>
    public static CheckpointException At(string file, string message, long? offset = null, Exception? inner = null)
    {
        var where = offset is { } o ? $"{file} (byte {o})" : file;
        var text = $"{where}: {message}";
        return inner is null ? new CheckpointException(text) : new CheckpointException(text, inner);
    }
}
