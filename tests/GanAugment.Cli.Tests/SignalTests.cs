using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace GanAugment.Cli.Tests;

/// <summary>The ganaug process itself: SIGTERM stops a training as Ctrl+C does, with a checkpoint to resume from.</summary>
public sealed class SignalTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Sigterm_leaves_a_checkpoint_and_exits_130()
    {
        var (run, log) = (_cli.PathOf("terminated"), _cli.PathOf("terminated.log"));
        // NOTE: the output goes to a file through a shell, as a job's would, so nothing waits on a pipe.
        string[] train = ["dotnet", Path.Combine(AppContext.BaseDirectory, "ganaug.dll"), "train", "rcgan", "--data", "waves", "--epochs", "1000",
            "--option", "hidden=8", "--option", "critic-steps=1", "--stats-samples", "0", "--sample-every", "0", "--threads", "1", "--out", run];
        var start = new ProcessStartInfo("sh", ["-c", "exec \"$@\" > \"$0\" 2>&1", log, .. train]);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!(File.Exists(log) && File.ReadAllText(log).Contains("epoch 1/", StringComparison.Ordinal)))
        {
            Assert.False(process.HasExited, $"the training ended before its first epoch: {(File.Exists(log) ? File.ReadAllText(log) : "")}");
            await Task.Delay(100, timeout.Token);
        }
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var output = File.ReadAllText(log);
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}: {output}");
        Assert.True(File.Exists(Path.Combine(run, "checkpoints", "last.safetensors")));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        Assert.True(summary.RootElement.GetProperty("cancelled").GetBoolean());
        Assert.Contains("--resume", output);
    }
}
