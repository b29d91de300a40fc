using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GanAugment.NN.Checkpoints;

/// <summary>
/// The JSON header of a safetensors file: writing it (compact, keys in UTF-8 byte order, padded
/// with spaces to a multiple of 8 bytes) and parsing it strictly (duplicate keys, unknown fields,
/// wrong types, anything but one JSON object are errors).
/// </summary>
internal static class SafeTensorsHeader
{
    /// <summary>The reference implementation's limit on the header length, in bytes.</summary>
    public const long MaxBytes = 100_000_000;

    public const string MetadataKey = "__metadata__";

    /// <summary>UTF-8 that throws on lone surrogates (writing) and invalid bytes (reading).</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The dtype names of the format; only F32 can become a GanAugment tensor.
    private static readonly HashSet<string> KnownDtypes =
    [
        "BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "F8_E8M0", "F4", "F6_E2M3", "F6_E3M2",
        "I16", "U16", "F16", "BF16", "I32", "U32", "F32", "C64", "F64", "I64", "U64",
    ];

    /// <summary>One tensor's header entry; offsets are relative to the start of the data section.</summary>
    internal sealed record Entry(string Name, int[] Shape, long Begin, long End);

    /// <summary>Orders strings by their UTF-8 bytes (the order of Rust's and Python's sorted names).</summary>
    public static readonly Comparer<string> Utf8Order = Comparer<string>.Create(static (a, b) =>
        StrictUtf8.GetBytes(a).AsSpan().SequenceCompareTo(StrictUtf8.GetBytes(b)));

    /// <summary>The header bytes, space-padded to a multiple of 8; entries must already be in file order.</summary>
    public static byte[] Write(IReadOnlyList<Entry> entries, IReadOnlyDictionary<string, string>? metadata)
    {
        var json = new StringBuilder("{");
        if (metadata is { Count: > 0 })
        {
            WriteString(json, MetadataKey);
            json.Append(":{");
            var first = true;
            foreach (var key in metadata.Keys.Order(Utf8Order))
            {
                if (!first) json.Append(',');
                first = false;
                WriteString(json, key);
                json.Append(':');
                WriteString(json, metadata[key]);
            }
            json.Append('}');
            if (entries.Count > 0) json.Append(',');
        }
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (i > 0) json.Append(',');
            WriteString(json, e.Name);
            json.Append(":{\"dtype\":\"F32\",\"shape\":[")
                .AppendJoin(',', e.Shape.Select(d => d.ToString(CultureInfo.InvariantCulture)))
                .Append("],\"data_offsets\":[")
                .Append(e.Begin.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(e.End.ToString(CultureInfo.InvariantCulture)).Append("]}");
        }
        json.Append('}');
        var length = StrictUtf8.GetByteCount(json.ToString());
        json.Append(' ', (8 - length % 8) % 8);
        return StrictUtf8.GetBytes(json.ToString());
    }

    /// <summary>Writes a JSON string literal; non-ASCII characters stay as UTF-8.</summary>
    private static void WriteString(StringBuilder json, string s)
    {
        json.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case < ' ': json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: json.Append(c); break;
            }
        }
        json.Append('"');
    }

    /// <summary>
    /// Parses the header; <paramref name="fail"/> makes the exception for a message and an offset
    /// within the header. Checks types and names only; the offsets are checked by the caller.
    /// </summary>
    public static (List<Entry> Entries, Dictionary<string, string> Metadata) Parse(
        byte[] header, Func<string, long?, Exception> fail)
    {
        if (header.Length == 0 || header[0] != (byte)'{')
            throw fail("header does not start with '{'", 0);
        try
        {
            StrictUtf8.GetCharCount(header);
        }
        catch (DecoderFallbackException e)
        {
            throw fail("header is not valid UTF-8", e.Index >= 0 ? e.Index : null);
        }

        var reader = new Utf8JsonReader(header, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            return ParseObject(ref reader, fail);
        }
        catch (JsonException e)
        {
            throw fail($"header is not valid JSON ({e.Message.Split('\n')[0].TrimEnd()})", e.LineNumber == 0 ? e.BytePositionInLine : null);
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader.GetString on an escaped lone surrogate, for example.
            throw fail($"header has an unreadable value ({e.Message.Split('\n')[0].TrimEnd()})", reader.TokenStartIndex);
        }
    }

    private static (List<Entry>, Dictionary<string, string>) ParseObject(ref Utf8JsonReader reader, Func<string, long?, Exception> fail)
    {
        Expect(ref reader, JsonTokenType.StartObject, "the header", fail);
        var entries = new List<Entry>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            Read(ref reader, fail);
            if (reader.TokenType == JsonTokenType.EndObject) break;
            var at = reader.TokenStartIndex;
            var name = reader.GetString()!;
            if (!names.Add(name)) throw fail($"duplicate key \"{name}\"", at);
            if (name == MetadataKey) ParseMetadata(ref reader, metadata, fail);
            else entries.Add(ParseEntry(ref reader, name, fail));
        }
        if (reader.Read())
            throw fail("unexpected content after the header object", reader.TokenStartIndex);
        return (entries, metadata);
    }

    private static void ParseMetadata(ref Utf8JsonReader reader, Dictionary<string, string> metadata, Func<string, long?, Exception> fail)
    {
        Read(ref reader, fail);
        Expect(ref reader, JsonTokenType.StartObject, "\"__metadata__\"", fail);
        while (true)
        {
            Read(ref reader, fail);
            if (reader.TokenType == JsonTokenType.EndObject) return;
            var at = reader.TokenStartIndex;
            var key = reader.GetString()!;
            Read(ref reader, fail);
            if (reader.TokenType != JsonTokenType.String)
                throw fail($"metadata \"{key}\" is not a string", reader.TokenStartIndex);
            if (!metadata.TryAdd(key, reader.GetString()!))
                throw fail($"duplicate metadata key \"{key}\"", at);
        }
    }

    private static Entry ParseEntry(ref Utf8JsonReader reader, string name, Func<string, long?, Exception> fail)
    {
        var start = reader.TokenStartIndex;
        Read(ref reader, fail);
        Expect(ref reader, JsonTokenType.StartObject, $"tensor \"{name}\"", fail);
        string? dtype = null;
        int[]? shape = null;
        long[]? offsets = null;
        while (true)
        {
            Read(ref reader, fail);
            if (reader.TokenType == JsonTokenType.EndObject) break;
            var at = reader.TokenStartIndex;
            var field = reader.GetString()!;
            Read(ref reader, fail);
            switch (field)
            {
                case "dtype" when dtype is null:
                    if (reader.TokenType != JsonTokenType.String)
                        throw fail($"tensor \"{name}\": dtype is not a string", reader.TokenStartIndex);
                    dtype = reader.GetString()!;
                    break;
                case "shape" when shape is null:
                    shape = ReadIntegers(ref reader, $"tensor \"{name}\": shape", int.MaxValue, fail).Select(d => (int)d).ToArray();
                    break;
                case "data_offsets" when offsets is null:
                    offsets = ReadIntegers(ref reader, $"tensor \"{name}\": data_offsets", long.MaxValue, fail);
                    if (offsets.Length != 2)
                        throw fail($"tensor \"{name}\": data_offsets has {offsets.Length} numbers, not 2", at);
                    break;
                case "dtype" or "shape" or "data_offsets":
                    throw fail($"tensor \"{name}\": duplicate key \"{field}\"", at);
                default:
                    throw fail($"tensor \"{name}\": unknown key \"{field}\"", at);
            }
        }
        if (dtype is null || shape is null || offsets is null)
        {
            var missing = dtype is null ? "dtype" : shape is null ? "shape" : "data_offsets";
            throw fail($"tensor \"{name}\": missing \"{missing}\"", start);
        }
        if (dtype != "F32")
        {
            throw KnownDtypes.Contains(dtype)
                ? fail($"tensor \"{name}\": dtype {dtype} is not supported (GanAugment reads F32 only)", start)
                : fail($"tensor \"{name}\": unknown dtype \"{dtype}\"", start);
        }
        return new Entry(name, shape, offsets[0], offsets[1]);
    }

    private static long[] ReadIntegers(ref Utf8JsonReader reader, string what, long max, Func<string, long?, Exception> fail)
    {
        Expect(ref reader, JsonTokenType.StartArray, what, fail);
        var values = new List<long>();
        while (true)
        {
            Read(ref reader, fail);
            if (reader.TokenType == JsonTokenType.EndArray) return [.. values];
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetUInt64(out var v))
                throw fail($"{what} must hold whole numbers >= 0", reader.TokenStartIndex);
            if (v > (ulong)max)
                throw fail($"{what}: {v} is too large", reader.TokenStartIndex);
            values.Add((long)v);
        }
    }

    private static void Read(ref Utf8JsonReader reader, Func<string, long?, Exception> fail)
    {
        if (!reader.Read()) throw fail("header ends early", reader.BytesConsumed);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what, Func<string, long?, Exception> fail)
    {
        if (reader.TokenType == JsonTokenType.None) Read(ref reader, fail);
        if (reader.TokenType != type)
        {
            var kind = type switch
            {
                JsonTokenType.StartObject => "an object",
                JsonTokenType.StartArray => "an array",
                _ => type.ToString(),
            };
            throw fail($"{what} is not {kind}", reader.TokenStartIndex);
        }
    }
}
