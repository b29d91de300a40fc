namespace GanAugment.Cli;

/// <summary>The process exit codes of <c>ganaug</c>.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad data, a missing file, a broken checkpoint: the command could not do its work.</summary>
    public const int Failure = 1;

    /// <summary>Bad command line: unknown option or model, a value out of range.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT), after leaving a valid checkpoint.</summary>
    public const int Cancelled = 130;
}
