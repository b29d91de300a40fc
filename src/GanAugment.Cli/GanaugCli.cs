using System.CommandLine;
using System.CommandLine.Invocation;
using GanAugment.Cli.Infrastructure;

namespace GanAugment.Cli;

/// <summary>
/// The entry point of <c>ganaug</c>, callable in-process: parses the arguments, runs the
/// command's action and turns every user error into one line <c>ganaug: error: ...</c> on the
/// error writer with exit code 2 (usage) or 1 (data, files, runtime); 130 after Ctrl+C. Any
/// other exception is a bug in ganaug: it is reported with its stack trace and exit code 1.
/// </summary>
public static class GanaugCli
{
    public static int Run(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        ParseResult parse;
        // NOTE: the command tree is shared by every run in the process (tests run in parallel);
        // System.CommandLine builds some of its state lazily, so parsing and help are serialised.
        lock (GanaugCommandLine.Root) parse = GanaugCommandLine.Root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            context.Error.WriteLine(ErrorReport.Prefix + ParseErrorLine(parse));
            return ExitCodes.Usage;
        }
        if (!GanaugCommandLine.Actions.TryGetValue(parse.CommandResult.Command, out var action) || parse.Action is not null)
        {
            // --help, --version, or a command that only groups others: System.CommandLine's own action prints it.
            lock (GanaugCommandLine.Root)
                return parse.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        try
        {
            return action(parse, context);
        }
        catch (Exception e)
        {
            return ErrorReport.Write(Unwrap(e), context.Error);
        }
    }

    /// <summary>
    /// The most useful parse error: an unknown word beats "Required command was not provided",
    /// and a command that only groups others lists its sub-commands.
    /// </summary>
    private static string ParseErrorLine(ParseResult parse)
    {
        var errors = parse.Errors.Select(e => e.Message).ToList();
        var specific = errors.FirstOrDefault(m => !m.StartsWith("Required command was not provided", StringComparison.Ordinal));
        if (specific is not null) return ErrorReport.OneLine(specific);
        var command = parse.CommandResult.Command;
        var path = command is RootCommand ? "ganaug" : $"ganaug {command.Name}";
        return $"{path} needs a command: {string.Join(", ", command.Subcommands.Select(c => c.Name))} (see {path} --help)";
    }

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0]) : e;
}
