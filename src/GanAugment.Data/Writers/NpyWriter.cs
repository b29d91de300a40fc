namespace GanAugment.Data.Writers;

/// <summary>
/// Writes NPY files (format version 1.0, C order, little-endian; see <see cref="NpyFormat"/>)
/// that numpy.load reads, whole or not at all (<see cref="AtomicFile"/>), creating the parent folder.
/// </summary>
public static class NpyWriter
{
    public static void Write(string path, NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        var header = NpyFormat.Header(array.DType, array.Shape);
        var data = NpyFormat.ElementBytes(array.Data, array.DType, bigEndian: false);
        AtomicFile.Write(path, s =>
        {
            s.Write(header);
            s.Write(data);
        }, createFolder: true);
    }

    public static void Write(string path, ReadOnlySpan<float> data, ReadOnlySpan<int> shape) => Write(path, NpyArray.Of(data.ToArray(), shape.ToArray()));

    public static void Write(string path, ReadOnlySpan<double> data, ReadOnlySpan<int> shape) => Write(path, NpyArray.Of(data.ToArray(), shape.ToArray()));

    public static void Write(string path, ReadOnlySpan<int> data, ReadOnlySpan<int> shape) => Write(path, NpyArray.Of(data.ToArray(), shape.ToArray()));

    public static void Write(string path, ReadOnlySpan<long> data, ReadOnlySpan<int> shape) => Write(path, NpyArray.Of(data.ToArray(), shape.ToArray()));

    public static void Write(string path, ReadOnlySpan<byte> data, ReadOnlySpan<int> shape) => Write(path, NpyArray.Of(data.ToArray(), shape.ToArray()));
}
