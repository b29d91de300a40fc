using GanAugment.Data.Catalogue;
using GanAugment.Data.Writers;

namespace GanAugment.Cli.Tests.Latent;

/// <summary><c>encode</c> and <c>evaluate features</c> on short runs of mnist-small.</summary>
public sealed class EncodeCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Train(string model, params string[] options)
    {
        var run = _cli.PathOf("run-" + model);
        string[] args = ["train", model, "--data", "mnist-small", "--epochs", "1", "--max-steps", "2", "--batch-size", "8", "--stats-samples", "8", "--out", run];
        var result = _cli.Run([.. args, .. options.SelectMany(o => new[] { "--option", o })]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return run;
    }

    [Fact]
    public void Encode_writes_one_row_per_item_with_its_label_as_csv_and_npy()
    {
        var run = Train("bigan", "width=8", "latent-dim=5");
        var split = DatasetCatalogue.CreateBuiltIn().Load(new DatasetRequest("mnist-small"));

        var csv = _cli.PathOf("f.csv");
        var result = _cli.Run("encode", run, "--out", csv);
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = File.ReadAllLines(csv);
        Assert.Equal("f0,f1,f2,f3,f4,label", lines[0]);
        Assert.Equal(split.Train.Count + 1, lines.Length);
        Assert.Equal(split.Train.Labels.Select(y => split.Train.ClassNames[y]), lines.Skip(1).Select(l => l.Split(',')[^1]));

        var npy = _cli.PathOf("t.npy");
        result = _cli.Run("encode", run, "--split", "test", "--out", npy);
        Assert.True(result.ExitCode == 0, result.ToString());
        var features = NpyReader.Read(npy);
        Assert.Equal([split.Test.Count, 5], features.Shape.ToArray());
        Assert.Equal(split.Test.Labels.Select(y => (int)y), NpyReader.Read(_cli.PathOf("t.labels.npy")).Get<int>());
    }

    [Fact]
    public void Encode_refuses_a_model_without_encoder_an_unknown_extension_and_an_existing_out()
    {
        var gan = Train("gan");
        var refused = _cli.Run("encode", gan, "--out", _cli.PathOf("g.csv"));
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("has no encoder", refused.Error);
        Assert.False(File.Exists(_cli.PathOf("g.csv")));

        var aae = Train("aae", "width=8");
        var wrong = _cli.Run("encode", aae, "--out", _cli.PathOf("f.txt"));
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("--out", wrong.Error);

        File.WriteAllText(_cli.PathOf("f.csv"), "keep");
        var existing = _cli.Run("encode", aae, "--out", _cli.PathOf("f.csv"));
        Assert.NotEqual(0, existing.ExitCode);
        Assert.Contains("--overwrite", existing.Error);
        Assert.Equal("keep", File.ReadAllText(_cli.PathOf("f.csv")));
        Assert.Equal(0, _cli.Run("encode", aae, "--out", _cli.PathOf("f.csv"), "--overwrite").ExitCode);
        Assert.DoesNotContain("   at ", refused.Error + wrong.Error + existing.Error);
    }

    [Fact]
    public void Evaluate_features_scores_inputs_latent_and_both()
    {
        var run = Train("aae", "width=8");
        var result = _cli.Run("evaluate", "features", run, "--train-count", "200", "--test-count", "100", "--logistic-epochs", "2");
        Assert.True(result.ExitCode == 0, result.ToString());
        var report = File.ReadAllLines(Path.Combine(run, "features.md"));
        Assert.Contains(report, l => l.StartsWith("| input | 784 |", StringComparison.Ordinal));
        Assert.Contains(report, l => l.StartsWith("| latent | 2 |", StringComparison.Ordinal));
        Assert.Contains(report, l => l.StartsWith("| input + latent | 786 |", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unsupervised_aae_on_a_table_samples_rows_without_a_class_and_encodes_every_row()
    {
        var table = _cli.PathOf("toy.csv");
        File.WriteAllLines(table, ["size,colour,label", .. Enumerable.Range(0, 40).Select(i => $"{i % 4}.5,{(i % 3 == 0 ? "red" : "blue")},{(i % 5 == 0 ? "bad" : "good")}")]);
        var run = _cli.PathOf("run-table");
        var train = _cli.Run("train", "aae", "--data", table, "--target", "label", "--epochs", "1", "--batch-size", "8", "--option", "width=8", "--out", run);
        Assert.True(train.ExitCode == 0, train.ToString());

        var rows = _cli.PathOf("rows.csv");
        var sample = _cli.Run("sample", run, "--count", "6", "--out", rows);
        Assert.True(sample.ExitCode == 0, sample.ToString());
        var lines = File.ReadAllLines(rows);
        Assert.Equal("size,colour", lines[0]);
        Assert.Equal(7, lines.Length);

        var csv = _cli.PathOf("codes.csv");
        Assert.Equal(0, _cli.Run("encode", run, "--out", csv).ExitCode);
        var codes = File.ReadAllLines(csv);
        Assert.Equal("f0,f1,label", codes[0]);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => i % 5 == 0 ? "bad" : "good"), codes.Skip(1).Select(l => l.Split(',')[^1]));
    }
}
