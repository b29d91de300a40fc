using System.Globalization;
using GanAugment.Data.Writers.TensorBoard;

namespace GanAugment.Cli.Tests;

/// <summary><c>train</c> writes TensorBoard event files for any modality unless <c>--no-tensorboard</c>.</summary>
public sealed class TensorBoardCliTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void A_table_run_gets_its_losses_and_its_column_chart_in_tb()
    {
        var table = _cli.PathOf("toy.csv");
        File.WriteAllLines(table, ["size,colour,label", .. Enumerable.Range(0, 60).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{i % 4 * 1.5 + 0.25},{(i % 3 == 0 ? "red" : "blue")},{(i % 5 == 0 ? "bad" : "good")}"))]);
        var run = _cli.PathOf("run-table");
        var train = _cli.Run("train", "table-gan", "--data", table, "--target", "label", "--epochs", "1", "--batch-size", "20", "--out", run);
        Assert.True(train.ExitCode == 0, train.ToString());

        var events = EventFiles.Read(Assert.Single(EventFiles.In(Path.Combine(run, "tb"))));
        Assert.Equal(EventFileWriter.FileVersion, events[0].FileVersion);
        var values = events.SelectMany(e => e.Values.Select(v => (e.Step, v))).ToList();
        var losses = File.ReadAllLines(Path.Combine(run, "losses.csv")).Length - 1;
        Assert.Equal(losses, values.Count(p => p.v.Tag.StartsWith("loss/", StringComparison.Ordinal)));
        var chart = Assert.Single(values, p => p.v.Image is not null);
        Assert.Equal((3L, "samples/columns"), (chart.Step, chart.v.Tag));
        Assert.Equal(File.ReadAllBytes(Path.Combine(run, "samples", "epoch-001-columns.png")), chart.v.Image!.Encoded);
    }

    [Fact]
    public void No_tensorboard_writes_no_tb_folder()
    {
        var run = _cli.PathOf("run-waves");
        var train = _cli.Run("train", "rcgan", "--data", "waves", "--epochs", "1", "--max-steps", "2", "--option", "critic-steps=1", "--option", "hidden=16",
            "--no-tensorboard", "--out", run);
        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.True(File.Exists(Path.Combine(run, "losses.csv")));
        Assert.False(Directory.Exists(Path.Combine(run, "tb")));
    }
}
