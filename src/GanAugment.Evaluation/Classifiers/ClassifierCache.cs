using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GanAugment.Data.Images;
using GanAugment.NN.Checkpoints;

namespace GanAugment.Evaluation.Classifiers;

/// <summary>
/// Trained domain classifiers kept on disk, one safetensors file per (data, options):
/// <c>&lt;folder&gt;/&lt;data&gt;-&lt;hash&gt;.safetensors</c>, where the hash covers the
/// architecture, the training options and the content of the data set (pixels, labels, shape
/// and class names of both parts), so a changed data set or option never reuses a stale model.
/// The usual folder is <c>classifiers/</c> under the data cache (<c>$GANAUG_DATA</c>, else
/// <c>$XDG_CACHE_HOME/ganaugment</c>, else <c>~/.cache/ganaugment</c>).
/// </summary>
public static class ClassifierCache
{
    /// <summary>The sub-folder of the data cache root that holds classifiers.</summary>
    public const string Folder = "classifiers";

    /// <summary>The cache file of a classifier trained on <paramref name="data"/> with <paramref name="options"/>.</summary>
    public static string PathFor(string folder, string dataName, ImageDatasetSplit data, DomainClassifierOptions options) =>
        Path.Combine(folder, $"{SafeName(dataName)}-{Key(data, options)}.safetensors");

    /// <summary>
    /// The cached classifier for (<paramref name="data"/>, <paramref name="options"/>), or a newly
    /// trained one that is then saved. A cache file that cannot be read is reported to
    /// <paramref name="log"/> and replaced.
    /// </summary>
    public static (DomainClassifier Classifier, bool FromCache, string Path) LoadOrTrain(
        string folder, string dataName, ImageDatasetSplit data, DomainClassifierOptions options, Action<string>? log = null)
    {
        var path = PathFor(folder, dataName, data, options);
        if (File.Exists(path))
        {
            try
            {
                return (DomainClassifier.Load(path), true, path);
            }
            catch (CheckpointException e)
            {
                log?.Invoke($"ignoring unreadable cached classifier: {e.Message}");
            }
        }
        var classifier = DomainClassifier.Train(data, options, log);
        classifier.Save(path, new Dictionary<string, string> { ["data"] = dataName });
        return (classifier, false, path);
    }

    /// <summary>16 hex digits of the SHA-256 of architecture, options and data content.</summary>
    public static string Key(ImageDatasetSplit data, DomainClassifierOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(DomainClassifier.Architecture));
        hash.AppendData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(options)));
        foreach (var part in new[] { data.Train, data.Test }) AppendDataset(hash, part);
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static void AppendDataset(IncrementalHash hash, ImageDataset data)
    {
        Span<byte> number = stackalloc byte[4];
        foreach (var n in new[] { data.Count, data.Channels, data.Height, data.Width, data.ClassCount })
        {
            BinaryPrimitives.WriteInt32LittleEndian(number, n);
            hash.AppendData(number);
        }
        hash.AppendData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(data.ClassNames)));
        hash.AppendData(data.Pixels);
        foreach (var label in data.Labels)
        {
            BinaryPrimitives.WriteInt32LittleEndian(number, label);
            hash.AppendData(number);
        }
    }

    private static string SafeName(string name)
    {
        var safe = new StringBuilder();
        foreach (var c in name) safe.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        return safe.Length > 0 ? safe.ToString() : "data";
    }
}
