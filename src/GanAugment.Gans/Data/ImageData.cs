using GanAugment.Data.Images;
using GanAugment.Data.Writers;
using GanAugment.Gans.Observers;
using GanAugment.Gans.Training;

namespace GanAugment.Gans;

/// <summary>An image data set as training data: batches [N, C, H, W] in the model's pixel range, with labels when it has classes.</summary>
public sealed class ImageData(ImageDataset images) : TrainingData
{
    public ImageDataset Images { get; } = images;

    public override DataSpec Spec { get; } = new ImageSpec(images.Channels, images.Height, images.Width, images.ClassNames);

    public override int Count => Images.Count;

    public override int[]? Labels => Images.ClassCount > 0 ? Images.Labels : null;

    public override RealBatch Batch(ReadOnlySpan<int> indices, PixelRange range, ulong draw) =>
        new(ImageBatch.From(Images, indices, range), LabelsAt(indices));

    public override ISampleObserver SampleObserver(RunDirectory run, int every) => new SampleGridObserver(run, every);
}
