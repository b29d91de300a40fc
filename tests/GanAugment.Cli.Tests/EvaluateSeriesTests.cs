using System.Text.Json;

namespace GanAugment.Cli.Tests;

/// <summary><c>evaluate series</c> on a two-step rcgan run on waves: the report files, and one-line errors for bad options.</summary>
public sealed class EvaluateSeriesTests(WavesRun trained) : IClassFixture<WavesRun>
{
    private static readonly string[] Quick = ["--count", "16", "--permutations", "20", "--classifier-epochs", "1"];

    private readonly CliHarness _cli = trained.Harness;
    private readonly string _run = trained.RunDir;

    [Fact]
    public void Writes_the_report_the_pca_plot_and_the_table()
    {
        var result = _cli.Run(["evaluate", "series", _run, .. Quick]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("TSTR accuracy", result.Out);
        Assert.Contains("fresh Waves series", result.Out);
        var folder = Path.Combine(_run, "evaluation-series");
        foreach (var file in new[] { "evaluation.json", "evaluation.md", "pca.png" }) Assert.True(File.Exists(Path.Combine(folder, file)), file);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "evaluation.json")));
        var root = json.RootElement;
        Assert.Equal("rcgan", root.GetProperty("subject").GetProperty("model").GetString());
        Assert.Equal((16, 16, 16), (root.GetProperty("synthetic_series").GetInt32(), root.GetProperty("real_train_series").GetInt32(), root.GetProperty("real_test_series").GetInt32()));
        Assert.InRange(root.GetProperty("classification").GetProperty("tstr_accuracy").GetDouble(), 0, 1);
        Assert.InRange(root.GetProperty("discriminative").GetProperty("score").GetDouble(), 0, 0.5);
    }

    [Fact]
    public void A_real_csv_in_the_runs_form_is_read_and_an_out_folder_taken()
    {
        var csv = _cli.PathOf("real.csv");
        Assert.Equal(0, _cli.Run("sample", _run, "--count", "12", "--out", csv).ExitCode);
        var folder = _cli.PathOf("eval");
        var result = _cli.Run(["evaluate", "series", _run, "--real", csv, "--out", folder, .. Quick]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(folder, "pca.png")));
        Assert.Contains(csv, File.ReadAllText(Path.Combine(folder, "evaluation.md")));
    }

    [Theory]
    [InlineData(2, "--real", "square-waves", "--real: takes waves, sines, co2 or a series CSV, got 'square-waves'")]
    [InlineData(1, "--real", "missing.csv", "--real: ")]
    [InlineData(1, "--real", "sines", "--real: the run's series have classes (sine, sawtooth)")]
    [InlineData(2, "--count", "2", "--count must be at least 4, got 2")]
    public void Bad_options_are_one_line_naming_the_option(int code, string option, string value, string message)
    {
        var result = _cli.Run(["evaluate", "series", _run, option, value]);
        Assert.True(result.ExitCode == code, result.ToString());
        Assert.Contains(message, result.Error);
        Assert.Single(result.ErrorLines);
    }
}

/// <summary>A two-step rcgan run on waves, shared by the tests of <see cref="EvaluateSeriesTests"/>.</summary>
public sealed class WavesRun : IDisposable
{
    public WavesRun()
    {
        RunDir = Harness.PathOf("run-waves");
        var train = Harness.Run("train", "rcgan", "--data", "waves", "--epochs", "1", "--max-steps", "2", "--option", "critic-steps=1", "--option", "hidden=16",
            "--sample-every", "0", "--stats-samples", "0", "--out", RunDir);
        if (train.ExitCode != 0) throw new InvalidOperationException(train.ToString());
    }

    public CliHarness Harness { get; } = new();

    public string RunDir { get; }

    public void Dispose() => Harness.Dispose();
}
