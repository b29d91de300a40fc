using GanAugment.NN.Checkpoints;
using GanAugment.Tensors;

namespace GanAugment.NN.Tests.Checkpoints;

public sealed class SafeTensorsRoundTripTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static int[] Bits(Tensor t) => t.ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();

    [Fact]
    public void ShapesValuesAndMetadataSurvive()
    {
        var tensors = new Dictionary<string, Tensor>
        {
            ["weight"] = Tensor.FromArray([1.5f, -0f, float.NaN, float.PositiveInfinity, float.Epsilon, -3e38f], 2, 3),
            ["scalar"] = Tensor.Scalar(42f),
            ["empty"] = Tensor.Zeros(0),
            ["empty3d"] = Tensor.Zeros(3, 0, 2),
            ["bias"] = Tensor.Arange(0, 5),
        };
        var metadata = new Dictionary<string, string>
        {
            ["format"] = "pt",
            ["note"] = "ünïcødé ✓ \"quoted\" back\\slash\nnew line\u0001",
            ["emoji"] = "🙂",
        };
        var path = _dir.File("a.safetensors");
        SafeTensors.Save(path, tensors, metadata);
        var (loaded, loadedMetadata) = SafeTensors.Load(path);

        Assert.Equal(tensors.Keys.Order(StringComparer.Ordinal), loaded.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, t) in tensors)
        {
            Assert.Equal(t.ShapeArray, loaded[name].ShapeArray);
            Assert.Equal(Bits(t), Bits(loaded[name]));
        }
        Assert.Equal(0, loaded["scalar"].Rank);
        Assert.Equal(42f, loaded["scalar"].Item());
        Assert.Equal(metadata, loadedMetadata);
    }

    [Fact]
    public void UnicodeAndEscapedNamesSurvive()
    {
        string[] names = ["gewicht.ä", "权重", "emoji🙂", "quote\"back\\slash", "tab\tnew\nline", "", "\uFF61"];
        var tensors = names.Select((n, i) => (n, Tensor.Full(i, 2))).ToDictionary(x => x.n, x => x.Item2);
        var path = _dir.File("names.safetensors");
        SafeTensors.Save(path, tensors);
        var (loaded, metadata) = SafeTensors.Load(path);
        Assert.Empty(metadata);
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
            Assert.Equal([i, i], loaded[name].ToArray());
    }

    [Fact]
    public void EmptyFileMatchesTheReferenceWriter()
    {
        // The reference writer's output for no tensors: N = 8, "{}" and six spaces.
        var path = _dir.File("empty.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor>());
        Assert.Equal([8, 0, 0, 0, 0, 0, 0, 0, .. "{}      "u8], File.ReadAllBytes(path));
        var (tensors, metadata) = SafeTensors.Load(path);
        Assert.Empty(tensors);
        Assert.Empty(metadata);
    }

    [Fact]
    public void OneTensorMatchesTheReferenceWriterByteForByte()
    {
        // "attn.0", F32, shape [1, 2, 3], values 0..5: the compact header is exactly 64 bytes, so
        // no padding; then 24 bytes of little-endian floats (1f = 00 00 80 3F).
        var path = _dir.File("attn.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["attn.0"] = Tensor.Arange(0, 6).Reshape(1, 2, 3) });
        var header = "{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}"u8.ToArray();
        Assert.Equal(64, header.Length);
        byte[] data = [0, 0, 0, 0, 0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0, 160, 64];
        Assert.Equal([64, 0, 0, 0, 0, 0, 0, 0, .. header, .. data], File.ReadAllBytes(path));
    }

    [Fact]
    public void MetadataOnlyFileMatchesTheReferenceWriter()
    {
        // {"__metadata__":{"framework":"pt"}} is 35 bytes, padded with 5 spaces to N = 40.
        var path = _dir.File("meta.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor>(), new Dictionary<string, string> { ["framework"] = "pt" });
        Assert.Equal([40, 0, 0, 0, 0, 0, 0, 0, .. "{\"__metadata__\":{\"framework\":\"pt\"}}     "u8], File.ReadAllBytes(path));
    }

    [Fact]
    public void SavingReplacesTheFileAndLeavesNoTemporary()
    {
        var path = _dir.File("w.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["a"] = Tensor.Ones(3) });
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["b"] = Tensor.Zeros(2) });
        Assert.Equal(["b"], SafeTensors.Load(path).Tensors.Keys);
        Assert.Equal(["w.safetensors"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void SavingIntoAMissingDirectoryIsOneCleanError()
    {
        var path = Path.Combine(_dir.Path, "missing", "x.safetensors");
        var e = Assert.Throws<CheckpointException>(() => SafeTensors.Save(path, new Dictionary<string, Tensor> { ["a"] = Tensor.Ones(1) }));
        Assert.StartsWith(path, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public void ReservedAndInvalidNamesAreRejectedBeforeWriting()
    {
        var path = _dir.File("bad.safetensors");
        Assert.Throws<ArgumentException>(() => SafeTensors.Save(path, new Dictionary<string, Tensor> { ["__metadata__"] = Tensor.Ones(1) }));
        Assert.Throws<ArgumentException>(() => SafeTensors.Save(path, new Dictionary<string, Tensor> { ["lone\uD800"] = Tensor.Ones(1) }));
        Assert.Throws<ArgumentException>(() => SafeTensors.Save(path, new Dictionary<string, Tensor>(), new Dictionary<string, string> { ["k"] = "\uDC00" }));
        Assert.False(File.Exists(path));
    }
}
