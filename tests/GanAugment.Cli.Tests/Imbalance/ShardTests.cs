using System.Diagnostics;
using System.Text;

namespace GanAugment.Cli.Tests.Imbalance;

/// <summary>
/// <c>evaluate imbalance --shard</c> and <c>evaluate merge</c>: the shards' partial results join
/// into the report one unsharded run writes, byte for byte (the seconds each classifier took
/// aside), whether the shards run in this process or as separate processes that read their index
/// from the variable a Kubernetes indexed Job or a Slurm job array sets.
/// </summary>
public sealed class ShardTests
{
    private static readonly string[] Protocol = Args(seeds: 3);

    private static string[] Args(int seeds) =>
    [
        "evaluate", "imbalance", "--data", "mnist-small", "--target-class", "0", "--methods", "plain,mirror,smote", "--seeds", $"{seeds}",
        "--classifier-epochs", "1", "--classifier-max-steps", "12", "--classifier-width", "4", "--classifier-hidden", "16",
    ];

    [Fact]
    public void Three_shards_merged_give_the_unsharded_report()
    {
        using var cli = new CliHarness();
        var whole = cli.PathOf("whole");
        Assert.Equal(0, cli.Run([.. Protocol, "--out", whole]).ExitCode);
        var parts = cli.PathOf("parts");
        for (var i = 0; i < 3; i++)
        {
            var shard = cli.Run([.. Protocol, "--out", parts, "--shard", $"{i}/3"]);
            Assert.True(shard.ExitCode == 0, shard.ToString());
            Assert.Contains($"shard-{i}-of-3", shard.Out);
            Assert.False(File.Exists(Path.Combine(parts, $"shard-{i}-of-3", "results.csv"))); // a shard writes its part only
        }
        var merged = cli.Run("evaluate", "merge", parts);
        Assert.True(merged.ExitCode == 0, merged.ToString());
        Assert.Contains("joining 3 shards of the imbalance protocol", merged.Out);
        AssertSameReport(whole, parts);
    }

    [Fact]
    public void Shards_run_as_processes_with_the_cluster_index_variable()
    {
        using var cli = new CliHarness();
        var whole = cli.PathOf("whole");
        Assert.Equal(0, cli.Run([.. Protocol, "--out", whole]).ExitCode);
        var parts = cli.PathOf("parts");
        // As a Kubernetes indexed Job (indices from 0) and a Slurm array declared --array=1-2 would start them.
        var first = Ganaug([.. Protocol, "--out", parts, "--shard", "2"], ("JOB_COMPLETION_INDEX", "0"), ("GANAUG_DATA", cli.Cache));
        var second = Ganaug([.. Protocol, "--out", parts, "--shard", "2"], ("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_MIN", "1"), ("GANAUG_DATA", cli.Cache));
        Assert.True(first.Code == 0, first.Output);
        Assert.True(second.Code == 0, second.Output);
        Assert.True(Directory.Exists(Path.Combine(parts, "shard-0-of-2")) && Directory.Exists(Path.Combine(parts, "shard-1-of-2")));
        var merged = Ganaug(["evaluate", "merge", parts]);
        Assert.True(merged.Code == 0, merged.Output);
        AssertSameReport(whole, parts);
    }

    [Fact]
    public void A_missing_or_doubled_shard_and_a_bad_shard_value_are_one_line_errors()
    {
        using var cli = new CliHarness();
        var parts = cli.PathOf("parts");
        Assert.Equal(0, cli.Run([.. Args(seeds: 1), "--out", parts, "--shard", "0/2"]).ExitCode);
        var missing = cli.Run("evaluate", "merge", parts);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Single(missing.ErrorLines);
        Assert.Contains("shard 1 of 2 missing", missing.Error);

        Directory.CreateDirectory(Path.Combine(parts, "shard-1-of-2"));
        File.Copy(Path.Combine(parts, "shard-0-of-2", "partial.json"), Path.Combine(parts, "shard-1-of-2", "partial.json"));
        var twice = cli.Run("evaluate", "merge", parts);
        Assert.Single(twice.ErrorLines);
        Assert.Contains("shard 0 of 2 is given twice", twice.Error);

        foreach (var (value, says) in new[] { ("2/2", "does not exist"), ("x/2", "not a whole number"), ("2", "neither is set"), ("1/0", "is not a shard") })
        {
            var bad = cli.Run([.. Protocol, "--out", cli.PathOf("bad"), "--shard", value]);
            Assert.NotEqual(0, bad.ExitCode);
            Assert.Single(bad.ErrorLines);
            Assert.Contains("--shard", bad.Error);
            Assert.Contains(says, bad.Error);
        }
        Assert.False(Directory.Exists(cli.PathOf("bad")));
    }

    private static void AssertSameReport(string whole, string merged)
    {
        foreach (var file in new[] { "results.csv", "results.md", "results.png", "synthetic_mirror.png", "synthetic_smote.png" })
            Assert.True(File.ReadAllBytes(Path.Combine(whole, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(merged, file))), $"{file} differs");
        // runs.csv: every column but the seconds each classifier took.
        Assert.Equal(WithoutSeconds(Path.Combine(whole, "runs.csv")), WithoutSeconds(Path.Combine(merged, "runs.csv")));
        Assert.True(File.ReadAllLines(Path.Combine(whole, "runs.csv")).Length == 10);
    }

    private static string[] WithoutSeconds(string path)
    {
        var lines = File.ReadAllLines(path);
        var column = Array.IndexOf(lines[0].Split(','), "seconds");
        return [.. lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != column)))];
    }

    private static (int Code, string Output) Ganaug(string[] args, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "ganaug"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var name in new[] { "JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN" }) info.Environment.Remove(name);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        lock (output) return (process.ExitCode, output.ToString());
    }
}
