using GanAugment.Data.Idx;
using Microsoft.ML.OnnxRuntime;

namespace GanAugment.Cli.Tests;

/// <summary><c>ganaug export --format onnx</c> and <c>ganaug sample --engine onnx</c> on the shared AC-GAN run.</summary>
[Collection(TrainedRunCollection.Name)]
public sealed class ExportCommandTests(TrainedRun trained)
{
    private CliHarness Cli => trained.Harness;

    [Fact]
    public void Export_writes_an_onnx_model_with_named_inputs_and_metadata()
    {
        var path = Cli.PathOf("export/g.onnx");
        var result = Cli.Run("export", trained.RunDir, "--format", "onnx", "--out", path);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("inputs noise [N, 100], label [N]; output samples [N, 1, 28, 28] in [-1, 1]", result.Out);
        using var session = new InferenceSession(path);
        Assert.Equal(["noise", "label"], session.InputMetadata.Keys);
        Assert.Equal([-1, 100], session.InputMetadata["noise"].Dimensions);
        Assert.Equal([-1, 1, 28, 28], session.OutputMetadata["samples"].Dimensions);
        var metadata = session.ModelMetadata.CustomMetadataMap;
        Assert.Equal("acgan", metadata["model"]);
        Assert.Equal("[-1, 1]", metadata["range"]);
        Assert.Contains("\"latent-dim\":\"100\"", metadata["options"]);
        Assert.Equal("[\"0\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\"]", metadata["class_names"]);
        Assert.Empty(Directory.GetFiles(Cli.PathOf("export"), "*.tmp*"));
    }

    [Fact]
    public void Sample_through_onnx_runtime_makes_the_native_samples()
    {
        byte[] Pixels(string engine)
        {
            var result = Cli.Run("sample", trained.RunDir, "--count", "30", "--seed", "4", "--engine", engine, "--out", Cli.PathOf($"engines/{engine}.idx"));
            Assert.True(result.ExitCode == 0, result.ToString());
            return IdxReader.ReadImages(Cli.PathOf($"engines/{engine}-images-idx3-ubyte.gz")).Pixels;
        }
        var (native, onnx) = (Pixels("native"), Pixels("onnx"));
        Assert.Equal(native.Length, onnx.Length);
        // Floats within 1e-4 can still fall either side of a byte's rounding boundary: at most 1 apart.
        Assert.All(native.Zip(onnx), p => Assert.InRange(Math.Abs(p.First - p.Second), 0, 1));
        Assert.True(native.Zip(onnx).Count(p => p.First == p.Second) > native.Length * 99 / 100);
    }

    [Theory]
    [InlineData("--format", "keras", "--format takes onnx, h5 or safetensors, got 'keras'")]
    [InlineData("--out", "g.txt", "--out: --format onnx is written to file.onnx")]
    public void A_bad_option_is_one_line_naming_it(string option, string value, string message)
    {
        string[] args = option == "--out" ? ["export", trained.RunDir, "--out", Cli.PathOf(value)] : ["export", trained.RunDir, option, value, "--out", Cli.PathOf("x.onnx")];
        var result = Cli.Run(args);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Single(result.ErrorLines);
        Assert.False(File.Exists(Cli.PathOf("x.onnx")));
    }

    [Fact]
    public void An_unknown_engine_is_refused()
    {
        var result = Cli.Run("sample", trained.RunDir, "--engine", "tensorrt", "--out", Cli.PathOf("e.png"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--engine takes native or onnx, got 'tensorrt'", result.Error);
    }
}
