using GanAugment.Data.Writers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GanAugment.Data.Images;
using GanAugment.Data.Transforms;
using GanAugment.NN;
using GanAugment.NN.Checkpoints;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Classifiers;

/// <summary>
/// A classifier of one image domain (MNIST-like data), trained on a data set's real training
/// images and used to judge a generator: how often generated samples are recognised as the class
/// they were made for, the classifier score of their softmax outputs, and the Fréchet distance
/// between real and generated features of its penultimate layer (the FID recipe of Heusel et
/// al. 2017, https://arxiv.org/abs/1706.08500, with this network in place of Inception).
/// Network: conv 3x3 → 32, conv 3x3 stride 2 → 64, dropout, dense 128, dropout, dense → classes,
/// trained with Adam on images shifted by up to 2 pixels.
/// </summary>
public sealed class DomainClassifier
{
    /// <summary>Names the network and its input scaling; part of the cache key and checked on load.</summary>
    public const string Architecture = "domain-classifier-v1: conv3x3-32 relu, conv3x3s2-64 relu, dropout, dense-128 relu, dropout, dense-C; input 2x/255-1";

    private const int EvalBatch = 250;
    private readonly DomainClassifierNetwork _network;

    private DomainClassifier(DomainClassifierNetwork network, int channels, int height, int width, IReadOnlyList<string> classNames,
        DomainClassifierOptions options, double testAccuracy)
    {
        _network = network;
        _network.Eval();
        Channels = channels;
        Height = height;
        Width = width;
        ClassNames = classNames;
        Options = options;
        TestAccuracy = testAccuracy;
    }

    public int Channels { get; }
    public int Height { get; }
    public int Width { get; }
    public IReadOnlyList<string> ClassNames { get; }
    public int ClassCount => ClassNames.Count;
    public DomainClassifierOptions Options { get; }

    /// <summary>Accuracy on the test part of the data set it was trained on.</summary>
    public double TestAccuracy { get; }

    /// <summary>Width of <see cref="ClassifierOutputs.Features"/>.</summary>
    public static int FeatureCount => DomainClassifierNetwork.FeatureCount;

    /// <summary>The weights by name (a copy), e.g. to compare two classifiers.</summary>
    public IReadOnlyDictionary<string, float[]> Weights() => _network.StateDict().ToDictionary(p => p.Key, p => p.Value.ToArray());

    /// <summary>Trains on <paramref name="data"/>.Train and measures accuracy on <paramref name="data"/>.Test; <paramref name="log"/> gets a line per epoch.</summary>
    public static DomainClassifier Train(ImageDatasetSplit data, DomainClassifierOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var train = data.Train;
        if (train.ClassCount < 2) throw new ArgumentException($"a domain classifier needs at least 2 classes, the data set has {train.ClassCount}");
        if (train.Count < options.BatchSize) throw new ArgumentException($"the data set has {train.Count} training images, fewer than one batch of {options.BatchSize}");
        var rng = new Rng(options.Seed);
        var network = new DomainClassifierNetwork(train.Channels, train.Height, train.Width, train.ClassCount, options.Dropout, rng);
        var optimizer = new Adam(network.Parameters(), lr: options.LearningRate);
        var steps = train.Count / options.BatchSize;
        if (options.MaxStepsPerEpoch > 0) steps = Math.Min(steps, options.MaxStepsPerEpoch);

        network.Train();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var order = rng.Permutation(train.Count);
            double lossSum = 0;
            var right = 0;
            for (var step = 0; step < steps; step++)
            {
                var indices = order.AsSpan(step * options.BatchSize, options.BatchSize);
                var labels = Labels(train, indices);
                var logits = network.Call(Shifted(Input(train, indices), options.MaxShift, rng));
                var loss = Losses.CrossEntropy(logits, labels);
                optimizer.ZeroGrad();
                loss.Backward();
                optimizer.Step();
                lossSum += loss.Item();
                right += CountRight(logits.AsSpan(), labels, train.ClassCount);
            }
            var seconds = clock.Elapsed.TotalSeconds;
            var test = TestAccuracyOf(network, data, options);
            log?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"classifier epoch {epoch + 1}/{options.Epochs}: loss {lossSum / steps:F4}, train accuracy {100.0 * right / (steps * options.BatchSize):F2} %, test accuracy {100 * test:F2} %, {seconds:F1} s"));
            if (epoch == options.Epochs - 1)
                return new DomainClassifier(network, train.Channels, train.Height, train.Width, train.ClassNames, options, test);
        }
        throw new InvalidOperationException("unreachable: Epochs is at least 1");
    }

    /// <summary>Test accuracy of <paramref name="network"/> in eval mode; it is put back in training mode after.</summary>
    private static double TestAccuracyOf(DomainClassifierNetwork network, ImageDatasetSplit data, DomainClassifierOptions options)
    {
        var train = data.Train;
        var probe = new DomainClassifier(network, train.Channels, train.Height, train.Width, train.ClassNames, options, double.NaN);
        var accuracy = probe.Run(data.Test.Pixels, data.Test.Count).Accuracy(data.Test.Labels);
        network.Train();
        return accuracy;
    }

    /// <summary>Probabilities, features and predictions for <paramref name="count"/> images given as bytes 0..255 in N·C·H·W order.</summary>
    public ClassifierOutputs Run(ReadOnlySpan<byte> pixels, int count)
    {
        var size = Channels * Height * Width;
        if (count < 0 || pixels.Length != (long)count * size)
            throw new ArgumentException($"{pixels.Length} bytes are not {count} images of {Channels}x{Height}x{Width}");
        var (classes, features) = (ClassCount, FeatureCount);
        var outputs = new ClassifierOutputs(count, classes, features, new float[count * classes], new float[count * features], new int[count]);
        using (Autograd.NoGrad())
        {
            for (var start = 0; start < count; start += EvalBatch)
            {
                var n = Math.Min(EvalBatch, count - start);
                var f = _network.Features(Input(pixels.Slice(start * size, n * size), n, Channels, Height, Width));
                var p = _network.Head(f).Softmax(1);
                f.AsSpan().CopyTo(outputs.Features.AsSpan(start * features, n * features));
                p.AsSpan().CopyTo(outputs.Probabilities.AsSpan(start * classes, n * classes));
            }
        }
        for (var i = 0; i < count; i++) outputs.Predictions[i] = ArgMax(outputs.Probabilities.AsSpan(i * classes, classes));
        return outputs;
    }

    /// <summary>Writes the weights, options, image shape, class names and test accuracy to a safetensors file.</summary>
    public void Save(string path, IReadOnlyDictionary<string, string>? extraMetadata = null)
    {
        var checkpoint = new Checkpoint { OptionsJson = JsonSerializer.Serialize(Options), Seed = Options.Seed };
        checkpoint.Add("network", _network.StateDict());
        checkpoint.Metadata["architecture"] = Architecture;
        checkpoint.Metadata["test_accuracy"] = TestAccuracy.ToString("R", CultureInfo.InvariantCulture);
        checkpoint.Metadata["shape"] = string.Create(CultureInfo.InvariantCulture, $"{Channels}x{Height}x{Width}");
        checkpoint.Metadata["class_names"] = JsonSerializer.Serialize(ClassNames);
        foreach (var (key, value) in extraMetadata ?? new Dictionary<string, string>()) checkpoint.Metadata[key] = value;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        checkpoint.Save(path);
    }

    /// <summary>Reads a classifier written by <see cref="Save"/>; any problem is one <see cref="CheckpointException"/> line naming the file.</summary>
    public static DomainClassifier Load(string path)
    {
        var checkpoint = Checkpoint.Load(path);
        CheckpointException Fail(string message) => CheckpointException.At(path, message);
        var meta = checkpoint.Metadata;
        if (!meta.TryGetValue("architecture", out var architecture) || architecture != Architecture)
            throw Fail($"not a {Architecture.Split(':')[0]} file (architecture \"{architecture ?? "missing"}\")");
        var options = Parse(() => JsonSerializer.Deserialize<DomainClassifierOptions>(checkpoint.OptionsJson ?? "null"), "options", Fail);
        var classNames = Parse(() => JsonSerializer.Deserialize<string[]>(meta.TryGetValue("class_names", out var c) ? c : "null"), "class_names", Fail);
        var shape = (meta.TryGetValue("shape", out var s) ? s : "").Split('x');
        if (shape.Length != 3 || !shape.All(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0))
            throw Fail("metadata \"shape\" is not CxHxW");
        if (!meta.TryGetValue("test_accuracy", out var acc) || !double.TryParse(acc, NumberStyles.Float, CultureInfo.InvariantCulture, out var accuracy))
            throw Fail("metadata \"test_accuracy\" is not a number");
        var (channels, height, width) = (int.Parse(shape[0], CultureInfo.InvariantCulture), int.Parse(shape[1], CultureInfo.InvariantCulture), int.Parse(shape[2], CultureInfo.InvariantCulture));
        if (classNames.Length < 2) throw Fail("metadata \"class_names\" lists fewer than 2 classes");
        var network = new DomainClassifierNetwork(channels, height, width, classNames.Length, options.Dropout, new Rng(options.Seed));
        checkpoint.Restore("network", sd => network.LoadStateDict(sd));
        return new DomainClassifier(network, channels, height, width, classNames, options, accuracy);
    }

    private static T Parse<T>(Func<T?> parse, string what, Func<string, CheckpointException> fail) where T : class
    {
        try
        {
            return parse() ?? throw fail($"metadata \"{what}\" is missing");
        }
        catch (JsonException)
        {
            throw fail($"metadata \"{what}\" is not valid JSON");
        }
    }

    private static Tensor Input(ImageDataset data, ReadOnlySpan<int> indices)
    {
        var size = data.ImageSize;
        var pixels = new byte[indices.Length * size];
        for (var i = 0; i < indices.Length; i++) data.Image(indices[i]).CopyTo(pixels.AsSpan(i * size, size));
        return Input(pixels, indices.Length, data.Channels, data.Height, data.Width);
    }

    /// <summary>Each image moved by its own (dx, dy) in [-max, max]², the background (-1) filled in.</summary>
    private static Tensor Shifted(Tensor images, int max, Rng rng)
    {
        if (max == 0) return images;
        var (n, c, h, w) = (images.Size(0), images.Size(1), images.Size(2), images.Size(3));
        var size = c * h * w;
        var source = images.AsSpan();
        var shifted = new float[source.Length];
        for (var i = 0; i < n; i++)
        {
            var (dx, dy) = (rng.NextInt(2 * max + 1) - max, rng.NextInt(2 * max + 1) - max);
            ImageTransforms.Shift(source.Slice(i * size, size), c, h, w, dx, dy, fill: -1f, shifted.AsSpan(i * size, size));
        }
        return Tensor.Wrap(shifted, n, c, h, w);
    }

    /// <summary>Bytes 0..255 to a [N, C, H, W] tensor in [-1, 1]; the one input path of training and evaluation.</summary>
    private static Tensor Input(ReadOnlySpan<byte> pixels, int count, int channels, int height, int width)
    {
        var values = new float[pixels.Length];
        PixelConvert.ToFloats(pixels, PixelRange.MinusOneToOne, values);
        return Tensor.Wrap(values, count, channels, height, width);
    }

    private static int[] Labels(ImageDataset data, ReadOnlySpan<int> indices)
    {
        var labels = new int[indices.Length];
        for (var i = 0; i < indices.Length; i++) labels[i] = data.Labels[indices[i]];
        return labels;
    }

    private static int CountRight(ReadOnlySpan<float> logits, int[] labels, int classes)
    {
        var right = 0;
        for (var i = 0; i < labels.Length; i++)
            if (ArgMax(logits.Slice(i * classes, classes)) == labels[i]) right++;
        return right;
    }

    private static int ArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var k = 1; k < row.Length; k++)
            if (row[k] > row[best]) best = k;
        return best;
    }
}
