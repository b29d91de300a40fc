using System.Buffers.Binary;
using System.Text;
using GanAugment.NN.Checkpoints;

namespace GanAugment.NN.Tests.Checkpoints;

/// <summary>Every way a safetensors file can be wrong gives one CheckpointException line naming the file.</summary>
public sealed class SafeTensorsMalformedTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string A4 = "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";

    /// <summary>An 8-byte length prefix (the header's own length unless overridden), the header, then data.</summary>
    private static byte[] File(string header, int dataBytes, ulong? length = null)
    {
        var h = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + h.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, length ?? (ulong)h.Length);
        h.CopyTo(bytes, 8);
        return bytes;
    }

    private void AssertRejected(byte[] bytes, string fragment)
    {
        var path = _dir.File("bad.safetensors");
        System.IO.File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<CheckpointException>(() => SafeTensors.Load(path));
        Assert.StartsWith(path, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains(fragment, e.Message);
    }

    public static TheoryData<string, string, int, string> HeaderCases() => new()
    {
        // name, header, data bytes, expected message fragment
        { "not an object", "[]", 0, "does not start with '{'" },
        { "leading space", " {}", 0, "does not start with '{'" },
        { "truncated json", "{\"a\":", 0, "not valid JSON" },
        { "content after the object", "{}x", 0, "not valid JSON" },
        { "two objects", "{}{}", 0, "not valid JSON" },
        { "comment", "{/*c*/}", 0, "not valid JSON" },
        { "duplicate tensor", "{" + A4 + "," + A4 + "}", 4, "duplicate key \"a\"" },
        { "duplicate metadata object", "{\"__metadata__\":{},\"__metadata__\":{}}", 0, "duplicate key \"__metadata__\"" },
        { "duplicate metadata key", "{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}}", 0, "duplicate metadata key \"k\"" },
        { "same key escaped differently", "{" + A4 + ",\"\\u0061\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[4,4]}}", 4, "duplicate key \"a\"" },
        { "metadata value not a string", "{\"__metadata__\":{\"k\":1}}", 0, "metadata \"k\" is not a string" },
        { "metadata not an object", "{\"__metadata__\":[\"k\"]}", 0, "\"__metadata__\" is not an object" },
        { "tensor not an object", "{\"a\":[0,4]}", 4, "tensor \"a\" is not an object" },
        { "duplicate field", "{\"a\":{\"dtype\":\"F32\",\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "duplicate key \"dtype\"" },
        { "unknown field", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":1}}", 4, "unknown key \"x\"" },
        { "missing offsets", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4, "missing \"data_offsets\"" },
        { "missing dtype", "{\"a\":{\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "missing \"dtype\"" },
        { "unsupported dtype", "{\"a\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4, "dtype F16 is not supported" },
        { "unknown dtype", "{\"a\":{\"dtype\":\"Q7\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "unknown dtype \"Q7\"" },
        { "dtype not a string", "{\"a\":{\"dtype\":32,\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "dtype is not a string" },
        { "negative dimension", "{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4, "whole numbers >= 0" },
        { "fractional dimension", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}", 4, "whole numbers >= 0" },
        { "dimension as string", "{\"a\":{\"dtype\":\"F32\",\"shape\":[\"1\"],\"data_offsets\":[0,4]}}", 4, "whole numbers >= 0" },
        { "dimension above int", "{\"a\":{\"dtype\":\"F32\",\"shape\":[3000000000],\"data_offsets\":[0,4]}}", 4, "too large" },
        { "shape too large", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2147483647,2147483647],\"data_offsets\":[0,4]}}", 4, "too large" },
        { "three offsets", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,8]}}", 4, "not 2" },
        { "offsets out of bounds", "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 8, "cover 16 bytes but the data section is 8" },
        { "gap before first tensor", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8, "begin at 4, expected 0" },
        { "overlap", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12, "begin at 4, expected 8" },
        { "gap between tensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", 12, "begin at 8, expected 4" },
        { "size does not match shape", "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8, "needs 12 bytes" },
        { "end before begin", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,4]}}", 8, "end before they begin" },
        { "trailing bytes after the data", "{" + A4 + "}", 8, "data section is 8 bytes" },
        { "escaped lone surrogate", "{\"\\ud800\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "unreadable value" },
    };

    [Theory]
    [MemberData(nameof(HeaderCases))]
    public void MalformedHeaderIsOneCleanError(string name, string header, int dataBytes, string fragment)
    {
        Assert.NotEmpty(name);
        AssertRejected(File(header, dataBytes), fragment);
    }

    [Fact]
    public void FileShorterThanThePrefix() => AssertRejected([1, 2, 3], "too short");

    [Fact]
    public void HeaderLengthAboveTheLimit() => AssertRejected(File("{}", 0, length: 100_000_001), "above the safetensors limit");

    [Fact]
    public void HeaderLengthPastTheEndOfTheFile() => AssertRejected(File("{}", 0, length: 1000), "runs past the end");

    [Fact]
    public void HugeHeaderLengthDoesNotAllocate() => AssertRejected(File("{}", 0, length: ulong.MaxValue), "above the safetensors limit");

    [Fact]
    public void HeaderThatIsNotUtf8()
    {
        var bytes = File("{\"aa\":1}", 0);
        bytes[10] = 0xFF;
        AssertRejected(bytes, "not valid UTF-8");
    }

    [Fact]
    public void EmptyHeader() => AssertRejected(File("", 0), "does not start with '{'");

    [Fact]
    public void MissingFile()
    {
        var path = _dir.File("nope.safetensors");
        var e = Assert.Throws<CheckpointException>(() => SafeTensors.Load(path));
        Assert.Equal($"{path}: file not found", e.Message);
    }

    [Fact]
    public void TensorsMayBeListedInAnyOrderIfTheirOffsetsTile()
    {
        // Readers sort by offsets, not names (files from other writers order by dtype first).
        var header = "{\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[4,8]}}   ";
        var bytes = File(header, 8);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(bytes.Length - 8), 1f);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(bytes.Length - 4), 2f);
        var path = _dir.File("order.safetensors");
        System.IO.File.WriteAllBytes(path, bytes);
        var (tensors, _) = SafeTensors.Load(path);
        Assert.Equal(1f, tensors["b"].Item());
        Assert.Equal(2f, tensors["a"].Item());
    }
}
