using GanAugment.Data;
using GanAugment.Data.Catalogue;
using GanAugment.NN.Checkpoints;

namespace GanAugment.Cli.Infrastructure;

/// <summary>
/// Turns an exception that reached the top of a command into one line on stderr and an exit
/// code: usage errors give 2, data and runtime errors 1, cancellation 130. Anything else is a bug
/// in ganaug and is reported with its stack trace.
/// </summary>
internal static class ErrorReport
{
    public const string Prefix = "ganaug: error: ";

    public static int Write(Exception exception, TextWriter error)
    {
        var code = ExitCodeOf(exception);
        if (code is null)
        {
            error.WriteLine($"ganaug: internal error: {exception.GetType().Name}: {OneLine(exception.Message)}");
            error.WriteLine(exception.StackTrace);
            return ExitCodes.Failure;
        }
        if (code == ExitCodes.Cancelled)
        {
            error.WriteLine("ganaug: cancelled");
            return ExitCodes.Cancelled;
        }
        error.WriteLine(Prefix + OneLine(exception.Message));
        return code.Value;
    }

    /// <summary>The exit code of a user-facing error, or null for an unexpected one (a bug).</summary>
    public static int? ExitCodeOf(Exception exception) => exception switch
    {
        UsageException or ArgumentException => ExitCodes.Usage,
        OperationCanceledException => ExitCodes.Cancelled,
        DataFormatException or DatasetNotFoundException or CheckpointException or InvalidDataException
            or IOException or UnauthorizedAccessException or NotSupportedException => ExitCodes.Failure,
        _ => null,
    };

    /// <summary>
    /// The first line of <paramref name="message"/> without the " (Parameter 'x')" suffix that
    /// <see cref="ArgumentException"/> appends: a user sees the sentence, not the parameter name.
    /// </summary>
    public static string OneLine(string message)
    {
        var line = message.Split('\n', 2)[0].TrimEnd('\r', ' ');
        var parameter = line.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter > 0 && line.EndsWith("')", StringComparison.Ordinal) ? line[..parameter] : line;
    }
}
