namespace GanAugment.Cli.Tests;

/// <summary>Issue 14, point 11: a count per class says so (--per-class, --up-to); the old --count names the new option.</summary>
public sealed class RenamedOptionTests
{
    [Theory]
    [InlineData("evaluate", "samples", "--count is now --per-class (generated samples per class)")]
    [InlineData("augment", "--out", "--count is now --up-to (the number of images each class is brought up to)")]
    public void The_old_count_is_an_error_naming_the_new_option(string command, string second, string message)
    {
        using var cli = new CliHarness();
        var args = command == "augment" ? new[] { command, cli.PathOf("run"), second, cli.PathOf("out"), "--count", "5" } : [command, second, cli.PathOf("run"), "--count", "5"];
        var result = cli.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Theory]
    [InlineData("evaluate", "samples", "--per-class")]
    [InlineData("augment", null, "--up-to")]
    [InlineData("sample", null, "a total, not per class")]
    public void Help_shows_the_new_names(string command, string? second, string text)
    {
        using var cli = new CliHarness();
        var result = cli.Run(second is null ? [command, "--help"] : [command, second, "--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(text, result.Out);
        Assert.DoesNotContain("--count is now", result.Out);
    }
}
