using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using GanAugment.Data.Images;
using GanAugment.Gans.Training;

namespace GanAugment.Evaluation.Imbalance;

/// <summary>
/// What identifies the training set a protocol generator learned from: image count, class counts
/// and a SHA-256 of the labels and pixels. Written to <c>training_set.json</c> when the generator's
/// training finishes, so the file's presence also says that it finished.
/// </summary>
public sealed record TrainingSetStamp(int Images, string ClassCounts, string Sha256)
{
    public const string FileName = "training_set.json";

    public static TrainingSetStamp Of(ImageDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var shape = new[] { data.Channels, data.Height, data.Width };
        sha.AppendData(MemoryMarshal.AsBytes(shape.AsSpan()));
        sha.AppendData(MemoryMarshal.AsBytes(data.Labels.AsSpan()));
        sha.AppendData(data.Pixels);
        return new TrainingSetStamp(data.Count, string.Join(" ", data.ClassCounts()), Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    public void Save(RunDirectory run) => RunDirectory.WriteText(run.File(FileName), JsonSerializer.Serialize(this));

    /// <summary>The stamp in <paramref name="run"/>, or null when there is none or it cannot be read.</summary>
    public static TrainingSetStamp? Load(RunDirectory run)
    {
        var path = run.File(FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<TrainingSetStamp>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Removes the stamp before a run is trained anew, so an interrupted training is never taken as finished.</summary>
    public static void Delete(RunDirectory run)
    {
        var path = run.File(FileName);
        if (File.Exists(path)) File.Delete(path);
    }
}
