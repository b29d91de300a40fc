namespace GanAugment.Cli.Tests;

/// <summary>train dagan with class splits, augment --per-image and evaluate fewshot, end to end on mnist-small with tiny networks.</summary>
public sealed class DaganCommandTests
{
    private static readonly string[] Tiny =
    [
        "--option", "width=4", "--option", "layers=2", "--option", "noise-maps=4", "--option", "critic-blocks=2",
        "--option", "critic-layers=2", "--option", "critic-growth=4", "--option", "critic-steps=2",
    ];

    [Fact]
    public void TrainOnClasses0To4ThenAugmentAndEvaluateTheHeldOutClasses()
    {
        using var cli = new CliHarness();
        var run = cli.PathOf("dagan");
        var train = cli.Run(["train", "dagan", "--data", "mnist-small", "--train-classes", "0-4", "--test-classes", "5-9", "--epochs", "1", "--max-steps", "2",
            "--batch-size", "8", "--stats-samples", "0", "--seed", "3", "--out", run, .. Tiny]);
        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.True(File.Exists(Path.Combine(run, "samples", "epoch-001.png")));
        Assert.True(File.Exists(Path.Combine(run, "samples", "epoch-001-heldout.png")));
        Assert.Contains("\"Test\":[5,6,7,8,9]", File.ReadAllText(Path.Combine(run, "classes.json")));

        var augmented = cli.PathOf("aug");
        var augment = cli.Run(["augment", run, "--data", "mnist-small", "--classes", "7", "--per-image", "2", "--format", "folder", "--out", augmented]);
        Assert.True(augment.ExitCode == 0, augment.ToString());
        var rows = File.ReadAllLines(Path.Combine(augmented, "manifest.csv"));
        Assert.Equal("index,file,label,class,synthetic,source,source_file", rows[0]);
        var real = rows.Skip(1).Count(r => r.Split(',')[4] == "0");
        var synthetic = rows.Skip(1).Where(r => r.Split(',')[4] == "1").ToArray();
        Assert.True(real > 0);
        Assert.Equal(2 * real, synthetic.Length);
        Assert.All(synthetic, r => Assert.StartsWith("train/07-7/real_", r.Split(',')[^1]));
        Assert.All(rows.Skip(1), r => Assert.Equal("7", r.Split(',')[2]));

        var report = cli.PathOf("fewshot");
        var evaluate = cli.Run(["evaluate", "fewshot", "--data", "mnist-small", "--gan", run, "--shots", "1-2", "--runs", "2", "--epochs", "2",
            "--blocks", "2", "--layers-per-block", "1", "--growth", "4", "--hidden", "8", "--query-per-class", "4", "--out", report]);
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        Assert.Contains("classes 5,6,7,8,9", evaluate.Out);
        var runs = File.ReadAllLines(Path.Combine(report, "fewshot_runs.csv"));
        Assert.Equal(1 + 2 * 2 * 3, runs.Length); // shots x runs x arms
        Assert.Equal(["none", "classic", "dagan"], runs.Skip(1).Take(3).Select(r => r.Split(',')[2]));
        Assert.All(runs.Skip(1), r => Assert.InRange(double.Parse(r.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture), 0, 1));
        Assert.Contains("| Confidence dagan is better |", File.ReadAllText(Path.Combine(report, "fewshot.md")));

        // The same protocol in 3 shards (the 4 episodes split 1, 1, 2), joined: the same files, byte for byte.
        var parts = cli.PathOf("fewshot-parts");
        for (var i = 0; i < 3; i++)
        {
            var shard = cli.Run(["evaluate", "fewshot", "--data", "mnist-small", "--gan", run, "--shots", "1-2", "--runs", "2", "--epochs", "2",
                "--blocks", "2", "--layers-per-block", "1", "--growth", "4", "--hidden", "8", "--query-per-class", "4", "--out", parts, "--shard", $"{i}/3"]);
            Assert.True(shard.ExitCode == 0, shard.ToString());
        }
        var merged = cli.Run(["evaluate", "merge", parts]);
        Assert.True(merged.ExitCode == 0, merged.ToString());
        foreach (var file in new[] { "fewshot_runs.csv", "fewshot.csv", "fewshot.md" })
            Assert.Equal(File.ReadAllText(Path.Combine(report, file)), File.ReadAllText(Path.Combine(parts, file)));
    }

    [Fact]
    public void ModelsSummaryBuildsTheNetworksOnImagePairs()
    {
        using var cli = new CliHarness();
        var result = cli.Run(["models", "dagan", "--summary", "--data", "mnist-small", "--option", "width=8"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("image pairs of 1x28x28", result.Out);
        Assert.Contains("discriminator", result.Out);
    }

    [Fact]
    public void BadClassOptionsAreNamedOneLineErrors()
    {
        using var cli = new CliHarness();
        var overlap = cli.Run(["train", "dagan", "--data", "mnist-small", "--train-classes", "0-4", "--test-classes", "4-9", "--out", cli.PathOf("a")]);
        Assert.NotEqual(0, overlap.ExitCode);
        Assert.Contains("--test-classes", overlap.Error);
        Assert.Single(overlap.ErrorLines);
        var unknown = cli.Run(["train", "dagan", "--data", "mnist-small", "--train-classes", "0-12", "--out", cli.PathOf("b")]);
        Assert.Contains("--train-classes", unknown.Error);
        var noClasses = cli.Run(["evaluate", "fewshot", "--data", "mnist-small", "--out", cli.PathOf("c")]);
        Assert.NotEqual(0, noClasses.ExitCode);
        Assert.Contains("--test-classes", noClasses.Error);
        Assert.False(Directory.Exists(cli.PathOf("c")));
    }
}

/// <summary>An image folder (one sub-folder per class) as --data, with classes chosen by name.</summary>
public sealed class DaganImageFolderTests
{
    [Fact]
    public void TrainsOnNamedClassesOfAnImageFolderAndAugmentsTheHeldOutOne()
    {
        using var cli = new CliHarness();
        var folder = cli.PathOf("letters");
        var rng = new Random(1);
        foreach (var name in new[] { "alpha", "beta", "gamma" })
            for (var i = 0; i < 4; i++)
            {
                var pixels = new byte[28 * 28];
                rng.NextBytes(pixels);
                Directory.CreateDirectory(Path.Combine(folder, name));
                Data.Writers.PngWriter.WriteChw(Path.Combine(folder, name, $"{i}.png"), pixels, 1, 28, 28);
            }
        var run = cli.PathOf("run");
        var train = cli.Run(["train", "dagan", "--data", folder, "--train-classes", "alpha,beta", "--test-classes", "gamma", "--epochs", "1", "--max-steps", "1",
            "--batch-size", "4", "--stats-samples", "0", "--out", run, "--option", "width=4", "--option", "layers=2", "--option", "critic-blocks=2", "--option", "critic-growth=4"]);
        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("8 image pairs", train.Out);
        Assert.True(File.Exists(Path.Combine(run, "samples", "epoch-001-heldout.png")));

        var augment = cli.Run(["augment", run, "--data", folder, "--classes", "gamma", "--per-image", "1", "--format", "folder", "--out", cli.PathOf("aug")]);
        Assert.True(augment.ExitCode == 0, augment.ToString());
        Assert.Equal(1 + 8, File.ReadAllLines(Path.Combine(cli.PathOf("aug"), "manifest.csv")).Length);
    }
}
