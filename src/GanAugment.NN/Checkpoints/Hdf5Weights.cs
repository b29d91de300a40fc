using GanAugment.Data.Writers;
using GanAugment.Tensors;
using PureHDF;

namespace GanAugment.NN.Checkpoints;

/// <summary>
/// Writes named float32 tensors as an HDF5 file (PureHDF), the format Keras and BAGAN's seed keep
/// weights in: one dataset per tensor in the root group, named as in the safetensors checkpoint
/// (so "generator.noise_map.weight" is a dataset of that name, not a path of groups), with the tensor's
/// shape (a rank-0 tensor is a scalar dataset) and string attributes on the root group. h5py reads
/// it as <c>f["generator.noise_map.weight"][()]</c> and <c>f.attrs["model"]</c>. The file goes to
/// "path.tmp" and is renamed, so a failure never leaves a half-written file.
/// </summary>
public static class Hdf5Weights
{
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(attributes);
        var file = new H5File();
        foreach (var (key, value) in attributes) file.Attributes[key] = value;
        foreach (var name in tensors.Keys.Order(StringComparer.Ordinal))
        {
            if (name.Contains('/') || name is "." or "")
                throw new ArgumentException($"tensor \"{name}\" cannot name an HDF5 dataset ('/' separates groups)", nameof(tensors));
            var tensor = tensors[name];
            var dims = tensor.ShapeArray.Select(d => (ulong)d).ToArray();
            file[name] = new H5Dataset<float[]>(tensor.AsSpan().ToArray(), fileDims: dims);
        }
        try
        {
            // NOTE: PureHDF seeks back and reads what it wrote, which the write-only temporary file
            // stream does not allow: the file is built in memory (weights are megabytes) and copied.
            using var memory = new MemoryStream();
            file.Write(memory);
            AtomicFile.Write(path, stream => memory.WriteTo(stream), createFolder: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CheckpointException.At(path, $"cannot write: {e.Message}", inner: e);
        }
    }
}
