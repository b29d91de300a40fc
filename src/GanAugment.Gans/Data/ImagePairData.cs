using GanAugment.Data.Images;
using GanAugment.Data.Writers;
using GanAugment.Gans.Observers;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>
/// Same-class image pairs (source, target) for models that transform a real image into another
/// one of its class (DAGAN). Item i is target image i; its source is another image of the same
/// class, drawn per batch from the batch's seed, never the image itself. Every class needs at
/// least two images.
/// </summary>
public sealed class ImagePairData : TrainingData
{
    private readonly int[][] _members;
    private readonly int[] _position;

    public ImagePairData(ImageDataset images)
    {
        if (images.ClassCount == 0) throw new ArgumentException("image pairs need labelled images: a pair is two images of one class");
        Images = images;
        Spec = new ImagePairSpec(new ImageSpec(images.Channels, images.Height, images.Width, images.ClassNames));
        var byClass = Enumerable.Range(0, images.ClassCount).Select(_ => new List<int>()).ToArray();
        _position = new int[images.Count];
        for (var i = 0; i < images.Count; i++)
        {
            _position[i] = byClass[images.Labels[i]].Count;
            byClass[images.Labels[i]].Add(i);
        }
        _members = [.. byClass.Select(m => m.ToArray())];
        if (Enumerable.Range(0, images.ClassCount).FirstOrDefault(c => _members[c].Length == 1, -1) is var single and >= 0)
            throw new ArgumentException($"class {images.ClassNames[single]} has one image; a pair needs two images of a class");
    }

    public ImageDataset Images { get; }

    /// <summary>
    /// Pairs of classes the model does not train on (DAGAN's held-out classes), or null: the sample
    /// grids show generations from them too, which is what a few-shot user will get.
    /// </summary>
    public ImagePairData? HeldOut { get; init; }

    public override DataSpec Spec { get; }

    public override int Count => Images.Count;

    public override int[]? Labels => Images.Labels;

    public override RealBatch Batch(ReadOnlySpan<int> indices, PixelRange range, ulong draw)
    {
        var rng = new Rng(draw);
        var sources = new int[indices.Length];
        for (var i = 0; i < indices.Length; i++) sources[i] = Partner(indices[i], rng);
        return new RealBatch(ImageBatch.From(Images, indices, range), LabelsAt(indices), ImageBatch.From(Images, sources, range));
    }

    /// <summary>Another image of <paramref name="index"/>'s class, uniformly among the others.</summary>
    public int Partner(int index, Rng rng)
    {
        var members = _members[Images.Labels[index]];
        if (members.Length < 2) throw new InvalidOperationException($"class {Images.ClassNames[Images.Labels[index]]} has one image");
        // NOTE: draw among the n - 1 others by skipping the image's own position.
        var k = rng.NextInt(members.Length - 1);
        return members[k >= _position[index] ? k + 1 : k];
    }

    public override ISampleObserver SampleObserver(RunDirectory run, int every) => new PairGridObserver(run, this, every);
}
