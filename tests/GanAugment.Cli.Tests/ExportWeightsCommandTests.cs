using GanAugment.NN.Checkpoints;
using PureHDF;

namespace GanAugment.Cli.Tests;

/// <summary><c>ganaug export --format h5|safetensors</c> on the shared AC-GAN run.</summary>
[Collection(TrainedRunCollection.Name)]
public sealed class ExportWeightsCommandTests(TrainedRun trained)
{
    private CliHarness Cli => trained.Harness;

    private string Checkpoints => Path.Combine(trained.RunDir, "checkpoints");

    /// <summary>Every dataset of the HDF5 file, read back with PureHDF: name, shape and values.</summary>
    private static Dictionary<string, (ulong[] Shape, float[] Values)> ReadDatasets(string path, out Dictionary<string, string> attributes)
    {
        using var file = H5File.OpenRead(path);
        attributes = file.Attributes().ToDictionary(a => a.Name, a => a.Read<string>());
        var datasets = new Dictionary<string, (ulong[], float[])>(StringComparer.Ordinal);
        foreach (var child in file.Children())
        {
            var dataset = Assert.IsAssignableFrom<IH5Dataset>(child);
            datasets[child.Name] = (dataset.Space.Dimensions, dataset.Read<float[]>());
        }
        return datasets;
    }

    [Theory]
    [InlineData(null, "2")]
    [InlineData("epoch-0002.safetensors", "2")]
    public void H5_holds_every_network_tensor_of_the_checkpoint_bit_for_bit_and_the_run_as_attributes(string? checkpoint, string epoch)
    {
        var path = Cli.PathOf($"h5/{checkpoint ?? "last"}.h5");
        var source = Path.Combine(Checkpoints, checkpoint ?? "last.safetensors");
        string[] args = ["export", trained.RunDir, "--format", "h5", "--out", path];
        var result = Cli.Run(checkpoint is null ? args : [.. args, "--checkpoint", source]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"from {Path.GetFileName(source)} (epoch {epoch})", result.Out);

        var datasets = ReadDatasets(path, out var attributes);
        var (tensors, _) = SafeTensors.Load(source);
        var networks = System.Text.Json.JsonSerializer.Deserialize<string[]>(attributes["networks"])!;
        Assert.Equal(["generator", "discriminator"], networks.Order().Reverse());
        var expected = tensors.Where(t => networks.Any(n => t.Key.StartsWith(n + ".", StringComparison.Ordinal))).ToArray();
        Assert.Equal(expected.Select(t => t.Key).Order(StringComparer.Ordinal), datasets.Keys.Order(StringComparer.Ordinal));
        Assert.True(expected.Length >= 8, $"only {expected.Length} network tensors");
        Assert.DoesNotContain(datasets.Keys, k => k.StartsWith("opt_", StringComparison.Ordinal));
        foreach (var (name, tensor) in expected)
        {
            var (shape, values) = datasets[name];
            Assert.Equal(tensor.ShapeArray.Select(d => (ulong)d), shape);
            Assert.Equal(tensor.AsSpan().ToArray().Select(BitConverter.SingleToInt32Bits), values.Select(BitConverter.SingleToInt32Bits));
        }
        Assert.Equal("acgan", attributes["model"]);
        Assert.Equal(epoch, attributes["epoch"]);
        Assert.Contains("\"latent-dim\":\"100\"", attributes["options"]);
        Assert.Equal("mnist-small", attributes["data"]);
        Assert.Contains("\"modality\":\"images\"", attributes["spec"]);
        Assert.Equal(Path.GetFileName(source), attributes["checkpoint"]);
        Assert.Empty(Directory.GetFiles(Cli.PathOf("h5"), "*.tmp"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("epoch-0002.safetensors")]
    public void Safetensors_is_a_byte_copy_of_the_checkpoint(string? checkpoint)
    {
        var path = Cli.PathOf($"st/{checkpoint ?? "last"}.safetensors");
        var source = Path.Combine(Checkpoints, checkpoint ?? "last.safetensors");
        string[] args = ["export", trained.RunDir, "--format", "safetensors", "--out", path];
        var result = Cli.Run(checkpoint is null ? args : [.. args, "--checkpoint", source]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData("h5", "w.safetensors", "--out: --format h5 is written to file.h5 or file.hdf5")]
    [InlineData("safetensors", "w.h5", "--out: --format safetensors is written to file.safetensors")]
    [InlineData("h5", "w.h5", "--checkpoint: ")]
    public void A_bad_option_is_one_line_and_writes_nothing(string format, string file, string message)
    {
        var path = Cli.PathOf("bad/" + file);
        string[] args = ["export", trained.RunDir, "--format", format, "--out", path];
        var result = Cli.Run(message.StartsWith("--checkpoint", StringComparison.Ordinal) ? [.. args, "--checkpoint", Cli.PathOf("none.safetensors")] : args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Single(result.ErrorLines);
        Assert.False(Directory.Exists(Cli.PathOf("bad")) && Directory.EnumerateFileSystemEntries(Cli.PathOf("bad")).Any());
    }

    [Fact]
    public void Writing_over_the_checkpoint_itself_is_refused()
    {
        var source = Path.Combine(Checkpoints, "last.safetensors");
        var before = File.ReadAllBytes(source);
        var result = Cli.Run("export", trained.RunDir, "--format", "safetensors", "--out", source);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("refusing to write over the checkpoint", result.Error);
        Assert.Equal(before, File.ReadAllBytes(source));
    }
}
