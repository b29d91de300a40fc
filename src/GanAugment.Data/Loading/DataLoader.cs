using GanAugment.Tensors;
using GanAugment.Data.Images;

namespace GanAugment.Data.Loading;

/// <summary>
/// Yields mini-batches of an <see cref="ImageDataset"/> as scaled floats. Epoch <c>e</c> draws
/// its order and augmentation from its own generator, seeded by (seed, e), so any epoch is the
/// same whenever and however often it is enumerated.
/// </summary>
public sealed class DataLoader
{
    private readonly ImageDataset _data;
    private readonly DataLoaderOptions _options;
    private readonly long _seed;
    private readonly int[][] _classMembers;

    public DataLoader(ImageDataset data, DataLoaderOptions options, long seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (options.BatchSize <= 0) throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "batch size must be positive");
        if (data.Count == 0) throw new ArgumentException("the data set is empty", nameof(data));
        _data = data;
        _options = options;
        _seed = seed;
        options.Augment?.Validate();
        var byClass = new List<int>[data.ClassCount];
        for (var i = 0; i < data.Count; i++) (byClass[data.Labels[i]] ??= []).Add(i);
        _classMembers = [.. byClass.OfType<List<int>>().Select(members => members.ToArray())];
    }

    /// <summary>Number of batches each epoch yields.</summary>
    public int BatchesPerEpoch => _options.DropLast ? _data.Count / _options.BatchSize : (_data.Count + _options.BatchSize - 1) / _options.BatchSize;

    /// <summary>The batches of epoch <paramref name="epoch"/>.</summary>
    public IEnumerable<Batch> Epoch(int epoch)
    {
        var rng = Rng.ForStream(_seed, epoch);
        var order = Order(rng);
        var (batchSize, imageSize) = (_options.BatchSize, _data.ImageSize);
        var fill = Writers.PixelConvert.Black(_options.Range);
        var scratch = new float[imageSize];
        for (var start = 0; start < order.Length; start += batchSize)
        {
            var count = Math.Min(batchSize, order.Length - start);
            if (count < batchSize && _options.DropLast) yield break;
            var pixels = new float[count * imageSize];
            var labels = new int[count];
            for (var b = 0; b < count; b++)
            {
                var index = order[start + b];
                var image = pixels.AsSpan(b * imageSize, imageSize);
                Writers.PixelConvert.ToFloats(_data.Image(index), _options.Range, image);
                _options.Augment?.Apply(image, _data.Channels, _data.Height, _data.Width, fill, rng, scratch);
                labels[b] = _data.Labels[index];
            }
            yield return new Batch(pixels, labels, _data.Channels, _data.Height, _data.Width);
        }
    }

    private int[] Order(Rng rng)
    {
        var order = new int[_data.Count];
        if (_options.ClassBalanced)
        {
            for (var i = 0; i < order.Length; i++)
            {
                var members = _classMembers[rng.NextInt(_classMembers.Length)];
                order[i] = members[rng.NextInt(members.Length)];
            }
            return order;
        }
        for (var i = 0; i < order.Length; i++) order[i] = i;
        if (_options.Shuffle) rng.Shuffle(order.AsSpan());
        return order;
    }
}
