namespace GanAugment.Cli.Tests;

/// <summary>Every bad command line gives a non-zero exit code and exactly one line on stderr that names what was wrong.</summary>
[Collection(TrainedRunCollection.Name)]
public sealed class BadOptionTests(TrainedRun trained)
{
    private CliHarness Cli => trained.Harness;

    private static void AssertOneLine(CliResult result, int exitCode, string names)
    {
        Assert.True(result.ExitCode == exitCode, result.ToString());
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("ganaug: error: ", line);
        Assert.Contains(names, line);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Unknown_model() =>
        AssertOneLine(Cli.Run("train", "stylegan", "--data", "mnist-small"), 2, "<model>: unknown model 'stylegan'");

    [Fact]
    public void Unknown_data_set() =>
        AssertOneLine(Cli.Run("train", "acgan", "--data", "mnist-tiny", "--out", Cli.PathOf("x")), 2, "--data: unknown data set 'mnist-tiny'");

    [Theory]
    [InlineData("--epochs", "ten", "--epochs takes a whole number, got 'ten'")]
    [InlineData("--epochs", "0", "--epochs must be at least 1")]
    [InlineData("--batch-size", "1", "--batch-size must be at least 2")]
    [InlineData("--lr", "fast", "--lr takes a number, got 'fast'")]
    [InlineData("--seed", "-1", "--seed takes a whole number")]
    [InlineData("--option", "beta1", "--option takes name=value, got 'beta1'")]
    [InlineData("--option", "gamma=2", "--option: model 'acgan' has no option 'gamma'")]
    [InlineData("--option", "beta1=high", "option 'beta1' takes a number, got 'high'")]
    public void Bad_number_or_option(string option, string value, string message) =>
        AssertOneLine(Cli.Run("train", "acgan", "--data", "mnist-small", "--out", Cli.PathOf("bad"), option, value), 2, message);

    [Fact]
    public void Unknown_option() =>
        AssertOneLine(Cli.Run("train", "acgan", "--data", "mnist-small", "--epoch", "3"), 2, "--epoch");

    [Fact]
    public void Missing_run_directory() =>
        AssertOneLine(Cli.Run("sample", Cli.PathOf("no-such-run"), "--out", Cli.PathOf("g.png")), 2, "<run>: ");

    [Fact]
    public void A_folder_that_is_not_a_run() =>
        AssertOneLine(Cli.Run("evaluate", "samples", Cli.Root), 2, "is not a run directory");

    [Fact]
    public void Class_out_of_range() =>
        AssertOneLine(Cli.Run("sample", trained.RunDir, "--class", "10", "--count", "2", "--out", Cli.PathOf("c.png")), 2,
            "--class: '10' is not a class of this data set; give a name or an index: 0..9");

    [Fact]
    public void Missing_checkpoint() =>
        AssertOneLine(Cli.Run("sample", trained.RunDir, "--count", "2", "--checkpoint", Cli.PathOf("none.safetensors"), "--out", Cli.PathOf("c.png")), 2,
            "--checkpoint: ");

    [Fact]
    public void Required_out_of_sample() =>
        AssertOneLine(Cli.Run("sample", trained.RunDir, "--count", "2"), 2, "--out");

    [Fact]
    public void Resume_without_a_run() =>
        AssertOneLine(Cli.Run("train", "acgan", "--out", Cli.PathOf("empty"), "--resume"), 2, "--resume: ");

    [Fact]
    public void Resume_cannot_change_the_data() =>
        AssertOneLine(Cli.Run("train", "acgan", "--out", trained.RunDir, "--resume", "--data", "mnist"), 2, "--data: cannot change when resuming");

    [Fact]
    public void A_data_folder_without_the_files_is_a_data_error()
    {
        var folder = Cli.PathOf("empty-data");
        Directory.CreateDirectory(folder);
        AssertOneLine(Cli.Run("train", "acgan", "--data", "mnist", "--path", folder, "--out", Cli.PathOf("d")), 1, "train-images-idx3-ubyte.gz");
    }

    [Fact]
    public void A_broken_checkpoint_is_a_data_error_naming_the_file()
    {
        var broken = Cli.PathOf("broken.safetensors");
        File.WriteAllBytes(broken, [1, 2, 3]);
        AssertOneLine(Cli.Run("sample", trained.RunDir, "--count", "2", "--checkpoint", broken, "--out", Cli.PathOf("b.png")), 1, broken);
    }
}
