namespace GanAugment.Cli;

/// <summary>
/// What one run of <c>ganaug</c> talks to: its output and error writers, whether the output is a
/// terminal (live progress bar) or redirected (plain lines), the token that Ctrl+C cancels, and
/// the environment (cache locations such as <c>GANAUG_DATA</c>). Tests pass string writers, a
/// token of their own and a private environment, so they run in-process and in parallel.
/// </summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, bool Interactive, CancellationToken Cancel, Func<string, string?> Environment)
{
    /// <summary>The process console: stdout, stderr, live progress unless stdout is redirected.</summary>
    public static CliContext ForConsole(CancellationToken cancel) =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected, cancel, System.Environment.GetEnvironmentVariable);
}
