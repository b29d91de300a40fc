namespace GanAugment.Data.Writers;

/// <summary>The element types NPY files are written and read with, by their numpy names.</summary>
public enum NpyDType
{
    /// <summary>numpy uint8, descr '|u1'.</summary>
    UInt8,

    /// <summary>numpy int32, descr '&lt;i4'.</summary>
    Int32,

    /// <summary>numpy int64, descr '&lt;i8'.</summary>
    Int64,

    /// <summary>numpy float32, descr '&lt;f4'.</summary>
    Float32,

    /// <summary>numpy float64, descr '&lt;f8'.</summary>
    Float64,
}

/// <summary>Sizes, descriptors and .NET types of <see cref="NpyDType"/>.</summary>
public static class NpyDTypes
{
    public static int ItemSize(this NpyDType type) => type switch
    {
        NpyDType.UInt8 => 1,
        NpyDType.Int32 or NpyDType.Float32 => 4,
        _ => 8,
    };

    /// <summary>The little-endian descr string numpy writes for <paramref name="type"/>.</summary>
    public static string Descr(this NpyDType type) => type switch
    {
        NpyDType.UInt8 => "|u1",
        NpyDType.Int32 => "<i4",
        NpyDType.Int64 => "<i8",
        NpyDType.Float32 => "<f4",
        _ => "<f8",
    };

    /// <summary>The .NET element type of <paramref name="type"/>.</summary>
    public static Type ElementType(this NpyDType type) => type switch
    {
        NpyDType.UInt8 => typeof(byte),
        NpyDType.Int32 => typeof(int),
        NpyDType.Int64 => typeof(long),
        NpyDType.Float32 => typeof(float),
        _ => typeof(double),
    };

    /// <summary>
    /// Parses a descr such as '&lt;f4': byte order ('&lt;' little, '&gt;' big, '|' or '=' none/native)
    /// and one of u1, i4, i8, f4, f8. Returns false for anything else.
    /// </summary>
    public static bool TryParse(string descr, out NpyDType type, out bool bigEndian)
    {
        type = default;
        bigEndian = false;
        if (descr.Length != 3 || descr[0] is not ('<' or '>' or '|' or '=')) return false;
        bigEndian = descr[0] == '>' || (descr[0] == '=' && !BitConverter.IsLittleEndian);
        NpyDType? parsed = descr[1..] switch
        {
            "u1" => NpyDType.UInt8,
            "i4" => NpyDType.Int32,
            "i8" => NpyDType.Int64,
            "f4" => NpyDType.Float32,
            "f8" => NpyDType.Float64,
            _ => null,
        };
        if (parsed is null) return false;
        type = parsed.Value;
        return true;
    }

    /// <summary>The type whose .NET element type is <typeparamref name="T"/>.</summary>
    public static NpyDType Of<T>() where T : unmanaged =>
        typeof(T) == typeof(byte) ? NpyDType.UInt8
        : typeof(T) == typeof(int) ? NpyDType.Int32
        : typeof(T) == typeof(long) ? NpyDType.Int64
        : typeof(T) == typeof(float) ? NpyDType.Float32
        : typeof(T) == typeof(double) ? NpyDType.Float64
        : throw new NotSupportedException($"NPY element type {typeof(T).Name} is not one of byte, int, long, float, double");
}
