namespace GanAugment.Cli.Infrastructure;

/// <summary>A bad command line found after parsing (a value the library rejects, a wrong combination); exit code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }

    public UsageException(string message, Exception inner) : base(message, inner) { }

    /// <summary>"--option: message", naming the option or argument the user got wrong.</summary>
    public static UsageException For(string option, string message) => new($"{option}: {message}");
}
