using System.Globalization;
using System.Text;
using GanAugment.Data.Idx;
using GanAugment.Data.Images;
using GanAugment.Data.Writers;
using GanAugment.Gans;

namespace GanAugment.Cli.Commands.Sample;

/// <summary>Writes generated images (bytes, N·C·H·W) and their labels to a <see cref="SampleTarget"/>; returns the files written.</summary>
internal static class SampleWriter
{
    public static IReadOnlyList<string> Write(SampleTarget target, ImageSpec spec, byte[] pixels, int[] labels, bool conditional)
    {
        var directory = target.Kind == SampleTargetKind.PngFolder ? target.Path : Path.GetDirectoryName(target.Path)!;
        Directory.CreateDirectory(directory);
        return target.Kind switch
        {
            SampleTargetKind.Grid => [WriteGrid(target.Path, spec, pixels, labels.Length, conditional)],
            SampleTargetKind.Idx => WriteIdx(target, spec, pixels, labels, conditional),
            _ => WritePngs(target.Path, spec, pixels, labels, conditional),
        };
    }

    private static string WriteGrid(string path, ImageSpec spec, byte[] pixels, int count, bool conditional)
    {
        // Conditional samples without --class cycle through the classes, so one column per class lines them up.
        var columns = conditional && count >= spec.ClassCount ? spec.ClassCount : (int)Math.Ceiling(Math.Sqrt(count));
        ImageGridWriter.Write(path, Images(spec, pixels, count), columns);
        return path;
    }

    private static string[] WriteIdx(SampleTarget target, ImageSpec spec, byte[] pixels, int[] labels, bool conditional)
    {
        var images = target.IdxImages(spec.Channels);
        int[] dims = spec.Channels == 1 ? [labels.Length, spec.Height, spec.Width] : [labels.Length, spec.Channels, spec.Height, spec.Width];
        IdxWriter.Write(images, dims, pixels, gzip: true);
        if (!conditional) return [images];
        IdxWriter.WriteLabels(target.IdxLabels, labels.Select(y => (byte)y).ToArray(), gzip: true);
        return [images, target.IdxLabels];
    }

    private static string[] WritePngs(string folder, ImageSpec spec, byte[] pixels, int[] labels, bool conditional)
    {
        var size = spec.Size;
        var written = new string[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var dir = conditional ? Path.Combine(folder, ClassFolder(spec, labels[i])) : folder;
            if (i == 0 || conditional) Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, i.ToString("D5", CultureInfo.InvariantCulture) + ".png");
            PngWriter.WriteChw(path, pixels.AsSpan(i * size, size), spec.Channels, spec.Height, spec.Width);
            written[i] = path;
        }
        return written;
    }

    /// <summary>"03-3" or "00-T-shirt_top": the class folder of the one layout every reader accepts (<see cref="ImageFolderDataset"/>).</summary>
    public static string ClassFolder(ImageSpec spec, int label) => ImageFolderDataset.ClassFolder(label, spec.ClassNames[label], spec.ClassCount);

    private static RawImage[] Images(ImageSpec spec, byte[] pixels, int count)
    {
        var size = spec.Size;
        var images = new RawImage[count];
        for (var i = 0; i < count; i++) images[i] = RawImage.FromChw(pixels.AsSpan(i * size, size), spec.Channels, spec.Height, spec.Width);
        return images;
    }
}
