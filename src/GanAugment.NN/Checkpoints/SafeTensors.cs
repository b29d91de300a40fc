using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using GanAugment.Data.Writers;
using GanAugment.Tensors;

namespace GanAugment.NN.Checkpoints;

/// <summary>
/// Reads and writes the safetensors format (https://github.com/huggingface/safetensors):
/// <code>
/// 8 bytes   N, unsigned little-endian: the length of the header
/// N bytes   UTF-8 JSON {"__metadata__": {string: string},
///                       "name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...}
///           padded with spaces so that the data starts at a multiple of 8
/// rest      the tensors' raw little-endian bytes; offsets are relative to the start of this
///           section, one tensor after another with no gaps or overlaps
/// </code>
/// Files written here hold F32 tensors in the order of their names (UTF-8 byte order) and can be
/// read by the Python <c>safetensors</c> package. Loading checks what the reference reader
/// checks (header at most 100 MB, valid UTF-8 JSON object starting with '{', no duplicate keys,
/// offsets contiguous from 0 to the end of the file, byte counts matching shapes) and turns every
/// problem into one <see cref="CheckpointException"/> line naming the file.
/// </summary>
public static class SafeTensors
{
    /// <summary>
    /// Writes <paramref name="tensors"/> (and string <paramref name="metadata"/>) to
    /// <paramref name="path"/> through <c>path.tmp</c> and a rename, so a crash never leaves a
    /// half-written file. Scalars (rank 0) and empty tensors are allowed.
    /// </summary>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensors);
        foreach (var (name, tensor) in tensors)
        {
            if (name == SafeTensorsHeader.MetadataKey)
                throw new ArgumentException($"\"{SafeTensorsHeader.MetadataKey}\" is reserved and cannot name a tensor", nameof(tensors));
            if (tensor is null) throw new ArgumentException($"tensor \"{name}\" is null", nameof(tensors));
            RequireUnicode(name, "tensor name", nameof(tensors));
        }
        if (metadata is not null)
        {
            foreach (var (key, value) in metadata)
            {
                if (value is null) throw new ArgumentException($"metadata \"{key}\" is null", nameof(metadata));
                RequireUnicode(key, "metadata key", nameof(metadata));
                RequireUnicode(value, $"metadata \"{key}\"", nameof(metadata));
            }
        }

        var names = tensors.Keys.Order(SafeTensorsHeader.Utf8Order).ToArray();
        var entries = new List<SafeTensorsHeader.Entry>(names.Length);
        long offset = 0;
        foreach (var name in names)
        {
            var t = tensors[name];
            var bytes = (long)t.Numel * sizeof(float);
            entries.Add(new SafeTensorsHeader.Entry(name, t.ShapeArray, offset, offset + bytes));
            offset += bytes;
        }
        var header = SafeTensorsHeader.Write(entries, metadata);
        if (header.Length > SafeTensorsHeader.MaxBytes)
            throw new ArgumentException($"the safetensors header would be {header.Length} bytes, above the format's limit of {SafeTensorsHeader.MaxBytes}");

        try
        {
            AtomicFile.Write(path, stream =>
            {
                Span<byte> prefix = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
                stream.Write(prefix);
                stream.Write(header);
                foreach (var name in names) WriteLittleEndian(stream, tensors[name].AsSpan());
            }, flushToDisk: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CheckpointException.At(path, $"cannot write: {e.Message}", inner: e);
        }
    }

    /// <summary>
    /// Reads a safetensors file of F32 tensors. Deconstructs as
    /// <c>var (tensors, metadata) = SafeTensors.Load(path);</c>; tensors come in file order.
    /// </summary>
    public static SafeTensorsFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Exception Fail(string message, long? offset) => CheckpointException.At(path, message, offset);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            var fileLength = stream.Length;
            if (fileLength < 8)
                throw Fail($"file is {fileLength} bytes, too short for a safetensors file (8-byte header length first)", null);
            Span<byte> prefix = stackalloc byte[8];
            stream.ReadExactly(prefix);
            var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
            if (headerLength > SafeTensorsHeader.MaxBytes)
                throw Fail($"header length {headerLength} is above the safetensors limit of {SafeTensorsHeader.MaxBytes} bytes", 0);
            if ((long)headerLength > fileLength - 8)
                throw Fail($"header length {headerLength} runs past the end of the file ({fileLength} bytes)", 0);
            var header = new byte[headerLength];
            stream.ReadExactly(header);

            var (entries, metadata) = SafeTensorsHeader.Parse(header, (message, at) => Fail(message, at is { } a ? a + 8 : null));
            var dataStart = 8 + (long)headerLength;
            CheckLayout(entries, fileLength - dataStart, message => Fail(message, dataStart));

            var tensors = new Dictionary<string, Tensor>(entries.Count, StringComparer.Ordinal);
            foreach (var e in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
            {
                var values = new float[(e.End - e.Begin) / sizeof(float)];
                stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
                if (!BitConverter.IsLittleEndian)
                {
                    var bits = MemoryMarshal.Cast<float, int>(values.AsSpan());
                    BinaryPrimitives.ReverseEndianness(bits, bits);
                }
                tensors[e.Name] = Tensor.Wrap(values, e.Shape);
            }
            var ordered = entries.Select(e => e.Name).Order(SafeTensorsHeader.Utf8Order)
                .ToDictionary(n => n, n => tensors[n], StringComparer.Ordinal);
            return new SafeTensorsFile(ordered, metadata);
        }
        catch (FileNotFoundException e)
        {
            throw CheckpointException.At(path, "file not found", inner: e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw CheckpointException.At(path, "directory not found", inner: e);
        }
        catch (EndOfStreamException e)
        {
            throw CheckpointException.At(path, "file ended while reading (was it changed while loading?)", inner: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CheckpointException.At(path, $"cannot read: {e.Message}", inner: e);
        }
    }

    /// <summary>
    /// The reference reader's rule: sorted by offsets, the tensors tile the data section exactly,
    /// from 0 to its end, each spanning numel × 4 bytes.
    /// </summary>
    private static void CheckLayout(List<SafeTensorsHeader.Entry> entries, long dataLength, Func<string, Exception> fail)
    {
        long expected = 0;
        foreach (var e in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (e.End < e.Begin)
                throw fail($"tensor \"{e.Name}\": data_offsets [{e.Begin}, {e.End}] end before they begin");
            if (e.Begin != expected)
                throw fail($"tensor \"{e.Name}\": data_offsets begin at {e.Begin}, expected {expected} (tensors must be contiguous, without gaps or overlaps)");
            long numel = 1;
            foreach (var d in e.Shape)
            {
                if (d != 0 && numel > Array.MaxLength / d)
                    throw fail($"tensor \"{e.Name}\": shape {FormatShape(e.Shape)} is too large");
                numel *= d;
            }
            if (e.End - e.Begin != numel * sizeof(float))
                throw fail($"tensor \"{e.Name}\": shape {FormatShape(e.Shape)} needs {numel * sizeof(float)} bytes of F32 but data_offsets [{e.Begin}, {e.End}] hold {e.End - e.Begin}");
            expected = e.End;
        }
        if (expected != dataLength)
            throw fail($"the tensors cover {expected} bytes but the data section is {dataLength} bytes");
    }

    private static void WriteLittleEndian(Stream stream, ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }
        Span<byte> four = stackalloc byte[4];
        foreach (var v in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(four, v);
            stream.Write(four);
        }
    }

    private static void RequireUnicode(string s, string what, string paramName)
    {
        try
        {
            SafeTensorsHeader.StrictUtf8.GetByteCount(s);
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException($"{what} \"{s}\" is not valid Unicode (lone surrogate)", paramName);
        }
    }

    private static string FormatShape(int[] shape) => "[" + string.Join(", ", shape) + "]";
}
