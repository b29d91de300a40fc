using System.Text.Json;
using System.Text.Json.Serialization;

namespace GanAugment.Data;

/// <summary>
/// The JSON settings of the data layer's saved states (fitted transformers and scalers):
/// indented camelCase, enums as camelCase names, nulls left out, doubles and floats in their
/// shortest round-trip form. Reading turns any JSON error into a one-line
/// <see cref="DataFormatException"/> naming the source and the line.
/// </summary>
internal static class DataJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static string Write<T>(T state) => JsonSerializer.Serialize(state, Options);

    /// <summary>Reads a <typeparamref name="T"/>; <paramref name="what"/> names it in errors ("a tabular transformer").</summary>
    public static T Read<T>(string json, string source, string what) where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw DataFormatException.At(source, $"not {what}: the JSON is null");
        }
        catch (JsonException e)
        {
            var why = e.Message.Split(" Path: ")[0].ReplaceLineEndings(" ");
            throw DataFormatException.At(source, $"not {what}: {why} (at {e.Path})", e.LineNumber + 1);
        }
    }

    /// <summary>An error unless <paramref name="format"/> is the one this version reads.</summary>
    public static void CheckFormat(int format, int supported, string source, string what)
    {
        if (format != supported)
            throw DataFormatException.At(source, $"{what} format {format} is not supported (this version reads {supported})");
    }
}
