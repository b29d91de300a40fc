using Spectre.Console;

namespace GanAugment.Cli.Rendering;

/// <summary>
/// The Spectre console of a run: colours, live widgets and the terminal's width on a terminal;
/// plain text (no ANSI codes, 160 columns) when the output is redirected or captured by a test.
/// </summary>
internal static class ConsoleFactory
{
    private const int RedirectedWidth = 160;

    public static IAnsiConsole Create(CliContext context)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = context.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = context.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = context.Interactive ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(context.Out),
        });
        if (!context.Interactive) console.Profile.Width = RedirectedWidth;
        return console;
    }
}
