using GanAugment.NN.Checkpoints;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.NN.Tests.Checkpoints;

public sealed class CheckpointTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Dictionary<string, Tensor> Generator() => new()
    {
        ["fc.weight"] = Tensor.Arange(0, 6).Reshape(2, 3),
        ["fc.bias"] = Tensor.Full(0.5f, 2),
        ["bn.num_batches_tracked"] = Tensor.Scalar(3f),
    };

    private static (Adam Opt, Parameter P) SteppedAdam()
    {
        var p = new Parameter(Tensor.FromArray([1f, -1f]));
        var adam = new Adam([p], lr: 2e-4, beta1: 0.5);
        p.Grad = Tensor.FromArray([0.3f, 0.1f]);
        adam.Step();
        return (adam, p);
    }

    [Fact]
    public void WholeTrainingStateRoundTrips()
    {
        var (adam, _) = SteppedAdam();
        var checkpoint = new Checkpoint
        {
            OptionsJson = "{\"model\":\"wgan-gp\",\"lr\":0.0002,\"nCritic\":5}",
            Seed = 18446744073709551615UL,
            RngState = "xoshiro:1:2:3:4",
        };
        checkpoint.Metadata["epoch"] = "12";
        checkpoint.Add("generator", Generator()).Add("critic", new Dictionary<string, Tensor>()).Add("opt_g", adam.StateDict());
        var path = _dir.File("run.ckpt.safetensors");
        checkpoint.Save(path);

        var loaded = Checkpoint.Load(path);
        Assert.Equal(["critic", "generator", "opt_g"], loaded.Parts);
        Assert.Equal(checkpoint.OptionsJson, loaded.OptionsJson);
        Assert.Equal(checkpoint.Seed, loaded.Seed);
        Assert.Equal(checkpoint.RngState, loaded.RngState);
        Assert.Equal("12", loaded.Metadata["epoch"]);
        Assert.Equal(path, loaded.SourcePath);
        Assert.Empty(loaded.GetTensors("critic"));
        var g = loaded.GetTensors("generator");
        Assert.Equal(Generator().Keys.Order(StringComparer.Ordinal), g.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([0f, 1f, 2f, 3f, 4f, 5f], g["fc.weight"].ToArray());
        Assert.Equal([2, 3], g["fc.weight"].ShapeArray);
        Assert.Equal(0, g["bn.num_batches_tracked"].Rank);
        Assert.Equal(adam.StateDict().Scalars, loaded.GetOptimizerState("opt_g").Scalars);
    }

    [Fact]
    public void TheFileIsPlainSafetensorsWithPrefixedNames()
    {
        var (adam, _) = SteppedAdam();
        var path = _dir.File("plain.safetensors");
        new Checkpoint { Seed = 7 }.Add("generator", Generator()).Add("opt_g", adam.StateDict()).Save(path);
        var (tensors, metadata) = SafeTensors.Load(path);
        Assert.Contains("generator.fc.weight", tensors.Keys);
        Assert.Contains("opt_g.state.0.exp_avg", tensors.Keys);
        Assert.Equal(Checkpoint.FormatName, metadata["format"]);
        Assert.Equal("[\"generator\",\"opt_g\"]", metadata["parts"]);
        Assert.Equal("7", metadata["seed"]);
        Assert.Contains("\"beta1\":0.5", metadata["scalars"]);
    }

    [Fact]
    public void RestoreLoadsAnOptimizerAndNamesTheFileOnMismatch()
    {
        var (adam, p) = SteppedAdam();
        var path = _dir.File("opt.safetensors");
        new Checkpoint().Add("opt_g", adam.StateDict()).Save(path);
        var loaded = Checkpoint.Load(path);

        var again = new Adam([new Parameter(p.Clone())]);
        loaded.Restore("opt_g", again);
        Assert.Equal(2e-4, again.LearningRate);
        Assert.Equal(0.5, again.Beta1);

        var e = Assert.Throws<CheckpointException>(() => loaded.Restore("opt_g", new Sgd([p], lr: 0.1)));
        Assert.StartsWith($"{path}: part \"opt_g\": Sgd state:", e.Message);
        var missing = Assert.Throws<CheckpointException>(() => loaded.GetTensors("critic"));
        Assert.Equal($"{path}: has no part \"critic\" (parts: opt_g)", missing.Message);
    }

    [Fact]
    public void RestoreWrapsStateDictErrorsOfModules()
    {
        var path = _dir.File("g.safetensors");
        new Checkpoint().Add("generator", Generator()).Save(path);
        var loaded = Checkpoint.Load(path);
        var seen = 0;
        loaded.Restore("generator", sd => seen = sd.Count);
        Assert.Equal(3, seen);
        var e = Assert.Throws<CheckpointException>(() =>
            loaded.Restore("generator", _ => throw new ArgumentException("missing key 'fc2.weight'")));
        Assert.Equal($"{path}: part \"generator\": missing key 'fc2.weight'", e.Message);
    }

    [Fact]
    public void APlainSafetensorsFileIsNotACheckpoint()
    {
        var path = _dir.File("plain.safetensors");
        SafeTensors.Save(path, Generator());
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Load(path));
        Assert.StartsWith($"{path}: not a GanAugment checkpoint", e.Message);
    }

    [Theory]
    [InlineData("parts", "[\"generator\"", "not a JSON array of strings")]
    [InlineData("parts", "[\"a.b\"]", "invalid part name \"a.b\"")]
    [InlineData("parts", "[\"g\",\"g\"]", "lists \"g\" twice")]
    [InlineData("scalars", "{\"zzz\":{\"lr\":1}}", "\"zzz\", which is not a listed part")]
    [InlineData("scalars", "{\"g\":{\"lr\":\"x\"}}", "\"g.lr\" is not a finite number")]
    [InlineData("scalars", "[1]", "is not a JSON object")]
    [InlineData("seed", "-5", "not a whole number")]
    [InlineData("options", "{oops", "\"options\" is not valid JSON")]
    public void BadCheckpointMetadataIsOneCleanError(string key, string value, string fragment)
    {
        var metadata = new Dictionary<string, string>
        {
            ["format"] = Checkpoint.FormatName,
            ["parts"] = "[\"g\"]",
            ["scalars"] = "{}",
            [key] = value,
        };
        var path = _dir.File("meta.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["g.w"] = Tensor.Ones(1) }, metadata);
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Load(path));
        Assert.StartsWith(path, e.Message);
        Assert.Contains(fragment, e.Message);
    }

    [Fact]
    public void TensorOutsideTheListedPartsIsAnError()
    {
        var path = _dir.File("stray.safetensors");
        var metadata = new Dictionary<string, string> { ["format"] = Checkpoint.FormatName, ["parts"] = "[\"g\"]", ["scalars"] = "{}" };
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["d.w"] = Tensor.Ones(1) }, metadata);
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Load(path));
        Assert.Contains("tensor \"d.w\" does not belong to any part", e.Message);
    }

    [Fact]
    public void InvalidInputsAreRejectedOnSave()
    {
        Assert.Throws<ArgumentException>(() => new Checkpoint().Add("gen.erator", Generator()));
        Assert.Throws<ArgumentException>(() => new Checkpoint().Add("", Generator()));
        var reserved = new Checkpoint();
        reserved.Metadata["seed"] = "1";
        Assert.Throws<InvalidOperationException>(() => reserved.Save(_dir.File("x.safetensors")));
        Assert.Throws<InvalidOperationException>(() => new Checkpoint { OptionsJson = "{nope" }.Save(_dir.File("x.safetensors")));
        Assert.False(File.Exists(_dir.File("x.safetensors")));
    }
}
