using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using GanAugment.NN.Checkpoints;
using GanAugment.Tensors;

namespace GanAugment.NN.Tests.Checkpoints;

/// <summary>Reads files written by <see cref="SafeTensors.Save"/> by hand and checks the layout rules of the format.</summary>
public sealed class SafeTensorsLayoutTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private (ulong N, string Header, byte[] File) Write()
    {
        // Inserted out of order; "\uFF61" sorts before "🙂" by UTF-8 bytes (EF.. < F0..) but after it
        // by UTF-16 code units (FF61 > D83D): the file must use the UTF-8 (code point) order.
        var tensors = new Dictionary<string, Tensor>
        {
            ["zeta"] = Tensor.Arange(0, 7),
            ["🙂"] = Tensor.Full(2f, 2, 2),
            ["alpha"] = Tensor.Scalar(-1f),
            ["\uFF61"] = Tensor.Zeros(0, 4),
            ["Beta"] = Tensor.Ones(3, 1),
        };
        var path = _dir.File("layout.safetensors");
        SafeTensors.Save(path, tensors, new Dictionary<string, string> { ["k"] = "v" });
        var bytes = File.ReadAllBytes(path);
        var n = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        return (n, Encoding.UTF8.GetString(bytes, 8, (int)n), bytes);
    }

    [Fact]
    public void PrefixIsTheLittleEndianHeaderLengthAndDataIsEightByteAligned()
    {
        var (n, header, _) = Write();
        Assert.Equal(0UL, n % 8);
        Assert.StartsWith("{", header);
        var json = header.TrimEnd(' ');
        Assert.EndsWith("}", json);
        Assert.Equal(json + new string(' ', header.Length - json.Length), header);
        Assert.InRange(header.Length - json.Length, 0, 7);
    }

    [Fact]
    public void OffsetsAreContiguousInSortedNameOrderAndCoverTheFile()
    {
        var (n, header, file) = Write();
        using var doc = JsonDocument.Parse(header);
        var entries = doc.RootElement.EnumerateObject().Where(p => p.Name != "__metadata__").ToList();
        Assert.Equal(["Beta", "alpha", "zeta", "\uFF61", "🙂"], entries.Select(e => e.Name));
        Assert.Equal("v", doc.RootElement.GetProperty("__metadata__").GetProperty("k").GetString());

        long expected = 0;
        foreach (var e in entries)
        {
            Assert.Equal("F32", e.Value.GetProperty("dtype").GetString());
            var shape = e.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var offsets = e.Value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            Assert.Equal(expected, offsets[0]);
            Assert.Equal(shape.Aggregate(1L, (a, b) => a * b) * 4, offsets[1] - offsets[0]);
            expected = offsets[1];
        }
        Assert.Equal(file.Length - 8 - (long)n, expected);

        // "zeta" holds 0..6 as little-endian floats at its offsets.
        var zeta = entries.Single(e => e.Name == "zeta").Value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt32()).ToArray();
        var start = 8 + (int)n + zeta[0];
        var values = Enumerable.Range(0, 7).Select(i => BinaryPrimitives.ReadSingleLittleEndian(file.AsSpan(start + 4 * i))).ToArray();
        Assert.Equal([0f, 1f, 2f, 3f, 4f, 5f, 6f], values);
    }

    [Fact]
    public void ScalarHasEmptyShapeAndEmptyTensorsTakeNoBytes()
    {
        var (_, header, _) = Write();
        using var doc = JsonDocument.Parse(header);
        Assert.Equal(0, doc.RootElement.GetProperty("alpha").GetProperty("shape").GetArrayLength());
        var empty = doc.RootElement.GetProperty("\uFF61").GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
        Assert.Equal(empty[0], empty[1]);
    }
}
