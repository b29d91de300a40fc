namespace GanAugment.Cli.Tests;

/// <summary>What one in-process run of ganaug printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>
/// A temporary folder (deleted on dispose) with its own data cache, in which ganaug runs
/// in-process through <see cref="GanaugCli.Run"/> with captured output (so: plain progress).
/// </summary>
public sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Cache = Path.Combine(Root, "cache");
    }

    private readonly TempDir _temp = new();

    public string Root => _temp.Path;

    /// <summary>The data cache (GANAUG_DATA) of the runs: classifiers are cached here.</summary>
    public string Cache { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public CliResult Run(params string[] args) => Run(CancellationToken.None, args);

    public CliResult Run(CancellationToken cancel, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var context = new CliContext(output, error, Interactive: false, cancel, name => name == "GANAUG_DATA" ? Cache : null);
        var code = GanaugCli.Run(args, context);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>A short AC-GAN run on mnist-small: <paramref name="epochs"/> epochs of 3 steps with batch 8.</summary>
    public CliResult Train(string runDir, int epochs = 2) =>
        Run(["train", "acgan", "--data", "mnist-small", "--epochs", epochs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--max-steps", "3", "--batch-size", "8",
            "--stats-samples", "8", "--seed", "7", "--out", runDir]);

    public void Dispose() => _temp.Dispose();
}

/// <summary>One trained run shared by the tests of the "trained run" collection (training is the slow part).</summary>
public sealed class TrainedRun : IDisposable
{
    public TrainedRun()
    {
        Harness = new CliHarness();
        RunDir = Harness.PathOf("run");
        TrainResult = Harness.Train(RunDir);
    }

    public CliHarness Harness { get; }

    public string RunDir { get; }

    public CliResult TrainResult { get; }

    public void Dispose() => Harness.Dispose();
}

[CollectionDefinition(Name)]
public sealed class TrainedRunCollection : ICollectionFixture<TrainedRun>
{
    public const string Name = "trained run";
}
