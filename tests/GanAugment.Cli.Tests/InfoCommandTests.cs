namespace GanAugment.Cli.Tests;

public sealed class InfoCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("train")]
    [InlineData("sample")]
    [InlineData("evaluate", "samples")]
    [InlineData("models")]
    [InlineData("data", "info")]
    public void Every_command_has_help_with_examples(params string[] command)
    {
        var result = _cli.Run([.. command, "--help"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Examples:", result.Out);
        Assert.Contains("ganaug " + command[0], result.Out);
    }

    [Fact]
    public void Models_lists_the_zoo_with_option_defaults()
    {
        var result = _cli.Run("models");
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var name in new[] { "gan", "dcgan", "cgan", "acgan", "wgan", "wgan-gp", "bagan", "latent-dim=100", "label-embedding=50", "images", "size of the noise vector z" })
            Assert.Contains(name, result.Out);
    }

    [Fact]
    public void Models_summary_prints_the_seed_mlp_gan_layer_table()
    {
        var result = _cli.Run("models", "gan", "--summary");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("[N, 1024]", result.Out);
        Assert.Contains("Total params: 1,493,520", result.Out);
        Assert.Contains("Total params: 533,505", result.Out);
    }

    [Theory]
    [InlineData("models", "stylegan", "<name>: unknown model 'stylegan'")]
    [InlineData("models", "--summary", "--summary: needs a model name")]
    public void Models_names_a_bad_model_in_one_line(string command, string argument, string message)
    {
        var result = _cli.Run(command, argument);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void Data_list_shows_the_bundled_set_as_present()
    {
        var result = _cli.Run("data", "list");
        Assert.True(result.ExitCode == 0, result.ToString());
        // The row whose name column is mnist-small (a long path may wrap onto further lines of the table).
        var line = Assert.Single(result.Out.Split('\n'), l => l.TrimStart('│', '|', ' ').StartsWith("mnist-small ", StringComparison.Ordinal));
        Assert.Contains("yes:", line);
    }

    [Fact]
    public void Data_info_shows_shape_counts_and_place()
    {
        var result = _cli.Run("data", "info", "mnist-small");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("shape: 1x28x28", result.Out);
        Assert.Contains("images: 10000 train, 2000 test", result.Out);
        Assert.Contains("found: ", result.Out);
        Assert.Equal(10, result.Out.Split('\n').Count(l => l.Contains("1000") && l.Contains(" 200 ")));
    }

    [Fact]
    public void No_command_is_a_usage_error_listing_the_commands()
    {
        var result = _cli.Run();
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("ganaug: error: ganaug needs a command: ", line);
        foreach (var command in new[] { "train", "sample", "evaluate", "models", "data" }) Assert.Contains(command, line);
    }
}
