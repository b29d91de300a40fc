using System.Globalization;
using System.Text;
using System.Text.Json;
using GanAugment.Tensors;

namespace GanAugment.Cli.Tests;

/// <summary><c>evaluate table</c> and the table form of <c>evaluate imbalance</c> on a small seeded CSV, with a one-epoch table-wgan-gp run.</summary>
public sealed class EvaluateTableTests(ToyTableRun toy) : IClassFixture<ToyTableRun>
{
    private readonly CliHarness _cli = toy.Harness;

    [Fact]
    public void A_run_is_sampled_and_scored_with_every_report_file()
    {
        var folder = _cli.PathOf("eval-run");
        var result = _cli.Run("evaluate", "table", toy.RunDir, "--real", toy.Test, "--out", folder, "--threads", "1");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("sampled 150 rows", result.Out);
        Assert.Contains("TSTR accuracy", result.Out);
        foreach (var file in new[] { "report.md", "report.json", "synthetic.csv", "columns/00-x.png", "columns/01-colour.png", "columns/02-class.png" })
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json")));
        var root = json.RootElement;
        Assert.Equal(150, root.GetProperty("SyntheticRows").GetInt32());
        Assert.Equal(150, root.GetProperty("TrainRows").GetInt32());
        Assert.InRange(root.GetProperty("quality").GetDouble(), 0, 1);
        Assert.Equal(2, root.GetProperty("efficacy").GetArrayLength());
        Assert.Equal(2, root.GetProperty("agreement").GetArrayLength());
    }

    [Fact]
    public void A_copy_of_the_training_rows_is_flagged()
    {
        var result = _cli.Run("evaluate", "table", toy.Train, "--real", toy.Test, "--train", toy.Train, "--target", "class", "--out", _cli.PathOf("eval-copy"));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("FLAGGED", result.Out);
    }

    [Theory]
    [InlineData(1, "--real", "missing.csv", "missing.csv: no such file")]
    [InlineData(2, "--real", "real.txt", "--real: ")]
    [InlineData(2, "--target", "nosuch", "--target: column 'nosuch' not found")]
    [InlineData(2, "--count", "50", "--count: applies to a run directory")]
    public void Bad_options_are_one_line(int code, string option, string value, string message)
    {
        string[] args = option == "--real"
            ? ["evaluate", "table", toy.Train, "--real", _cli.PathOf(value), "--target", "class", "--out", _cli.PathOf("bad")]
            : ["evaluate", "table", toy.Train, "--real", toy.Test, "--out", _cli.PathOf("bad"), "--target", "class", option, value];
        if (option == "--target") args = [.. args.Take(args.Length - 4), option, value];
        if (value == "real.txt") File.WriteAllText(_cli.PathOf(value), "x\n1\n");
        var result = _cli.Run(args);
        Assert.True(result.ExitCode == code, result.ToString());
        Assert.Contains(message, result.Error);
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public void The_imbalance_protocol_takes_a_table_and_reports_per_class()
    {
        var folder = _cli.PathOf("imbalance");
        var result = _cli.Run("evaluate", "imbalance", "--data", toy.Train, "--test", toy.Test, "--target", "class", "--methods", "plain,smote-nc,table-wgan-gp",
            "--seeds", "2", "--gan-epochs", "1", "--gan-batch-size", "20", "--gan-option", "generator-width=16", "--gan-option", "critic-width=16", "--threads", "1", "--out", folder);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("raising b by 50", result.Out);
        var md = File.ReadAllText(Path.Combine(folder, "results.md"));
        foreach (var text in new[] { "recall b", "F1 b", "SMOTE-NC", "table-wgan-gp", "minority recall" }) Assert.Contains(text, md);
        Assert.Equal(1 + 3 * 2, File.ReadAllLines(Path.Combine(folder, "runs.csv")).Length);
    }

    [Fact]
    public void The_table_protocol_in_five_shards_merges_into_the_unsharded_report()
    {
        string[] protocol = ["evaluate", "imbalance", "--data", toy.Train, "--test", toy.Test, "--target", "class", "--methods", "plain,smote-nc,table-wgan-gp",
            "--seeds", "3", "--gan-epochs", "1", "--gan-batch-size", "20", "--gan-option", "generator-width=16", "--gan-option", "critic-width=16", "--threads", "1"];
        var whole = _cli.PathOf("imbalance-whole");
        Assert.Equal(0, _cli.Run([.. protocol, "--out", whole]).ExitCode);
        // 9 units in 5 shards: table-wgan-gp's three seeds fall in shards 3 and 4, which each train the generator.
        var parts = _cli.PathOf("imbalance-parts");
        for (var i = 0; i < 5; i++)
        {
            var shard = _cli.Run([.. protocol, "--out", parts, "--shard", $"{i}/5"]);
            Assert.True(shard.ExitCode == 0, shard.ToString());
        }
        var merged = _cli.Run("evaluate", "merge", parts);
        Assert.True(merged.ExitCode == 0, merged.ToString());
        Assert.Contains("joining 5 shards of the table-imbalance protocol", merged.Out);
        foreach (var file in new[] { "results.csv", "results.md" })
            Assert.Equal(File.ReadAllText(Path.Combine(whole, file)), File.ReadAllText(Path.Combine(parts, file)));
    }

    [Fact]
    public void An_unknown_imbalance_method_for_a_table_is_one_line()
    {
        var result = _cli.Run("evaluate", "imbalance", "--data", toy.Train, "--target", "class", "--methods", "plain,bagan2", "--out", _cli.PathOf("imb-bad"));
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--methods: unknown method 'bagan2'", result.Error);
        Assert.Single(result.ErrorLines);
    }
}

/// <summary>train.csv and test.csv (150 rows each: x, colour, class a:b = 2:1) and a one-epoch table-wgan-gp run on train.csv.</summary>
public sealed class ToyTableRun : IDisposable
{
    public ToyTableRun()
    {
        Train = Write("train.csv", 150, 1);
        Test = Write("test.csv", 150, 2);
        RunDir = Harness.PathOf("run-table");
        var train = Harness.Run("train", "table-wgan-gp", "--data", Train, "--target", "class", "--epochs", "1", "--batch-size", "50",
            "--option", "generator-width=16", "--option", "critic-width=16", "--sample-every", "0", "--threads", "1", "--out", RunDir);
        if (train.ExitCode != 0) throw new InvalidOperationException(train.ToString());
    }

    public CliHarness Harness { get; } = new();

    public string Train { get; }

    public string Test { get; }

    public string RunDir { get; }

    private string Write(string name, int rows, ulong seed)
    {
        var rng = new Rng(seed);
        var text = new StringBuilder("x,colour,class\n");
        for (var r = 0; r < rows; r++)
        {
            var b = r % 3 == 2;
            var colour = (rng.NextDouble() < 0.9) == b ? "blue" : "red";
            text.Append(((b ? 4 : 0) + rng.NextDouble()).ToString("F3", CultureInfo.InvariantCulture)).Append(',').Append(colour).Append(',').Append(b ? "b" : "a").Append('\n');
        }
        var path = Harness.PathOf(name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    public void Dispose() => Harness.Dispose();
}
