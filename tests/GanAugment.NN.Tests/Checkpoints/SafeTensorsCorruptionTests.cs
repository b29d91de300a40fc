using GanAugment.NN.Checkpoints;
using GanAugment.Tensors;

namespace GanAugment.NN.Tests.Checkpoints;

/// <summary>Seeded random damage to a valid file: loading either succeeds or fails with CheckpointException, nothing else.</summary>
public sealed class SafeTensorsCorruptionTests : IDisposable
{
    private const int Cases = 400;
    private static readonly byte[] JsonBytes = "{}[]\":,0123456789-. eE\\u"u8.ToArray();
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void RandomCorruptionsGiveOnlyCheckpointExceptions()
    {
        var original = _dir.File("ok.safetensors");
        SafeTensors.Save(
            original,
            new Dictionary<string, Tensor>
            {
                ["w"] = Tensor.Arange(0, 12).Reshape(3, 4),
                ["b"] = Tensor.Ones(4),
                ["s"] = Tensor.Scalar(1f),
                ["e"] = Tensor.Zeros(0, 2),
            },
            new Dictionary<string, string> { ["k"] = "v" });
        var clean = File.ReadAllBytes(original);
        var headerEnd = 8 + (int)BitConverter.ToUInt64(clean, 0);
        var rng = new Rng(2024);
        var path = _dir.File("corrupt.safetensors");
        int loaded = 0, rejected = 0;
        for (var i = 0; i < Cases; i++)
        {
            var bytes = Corrupt(clean, headerEnd, rng);
            File.WriteAllBytes(path, bytes);
            try
            {
                SafeTensors.Load(path);
                loaded++;
            }
            catch (CheckpointException e)
            {
                Assert.StartsWith(path, e.Message);
                Assert.DoesNotContain('\n', e.Message);
                rejected++;
            }
        }
        // Both outcomes occur (data-byte damage loads fine); every other exception type fails the test.
        Assert.True(loaded > 0 && rejected > Cases / 2, $"loaded {loaded}, rejected {rejected}");
    }

    private static byte[] Corrupt(byte[] clean, int headerEnd, Rng rng)
    {
        var bytes = (byte[])clean.Clone();
        switch (rng.NextInt(6))
        {
            case 0: // any byte to any value
                bytes[rng.NextInt(bytes.Length)] = (byte)rng.NextInt(256);
                return bytes;
            case 1: // a header byte to a JSON-significant character
                bytes[8 + rng.NextInt(headerEnd - 8)] = JsonBytes[rng.NextInt(JsonBytes.Length)];
                return bytes;
            case 2: // truncate
                return bytes[..rng.NextInt(bytes.Length)];
            case 3: // append junk
                return [.. bytes, .. Enumerable.Range(0, 1 + rng.NextInt(16)).Select(_ => (byte)rng.NextInt(256))];
            case 4: // one byte of the length prefix
                bytes[rng.NextInt(8)] = (byte)rng.NextInt(256);
                return bytes;
            default: // delete a header byte, keeping the prefix
                var at = 8 + rng.NextInt(headerEnd - 8);
                return [.. bytes[..at], .. bytes[(at + 1)..]];
        }
    }
}
