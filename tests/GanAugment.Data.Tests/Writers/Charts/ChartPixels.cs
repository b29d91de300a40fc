using GanAugment.Data.Images;
using GanAugment.Data.Writers.Charts;

namespace GanAugment.Data.Tests.Writers.Charts;

/// <summary>Pixel counts on rendered RGB charts.</summary>
internal static class ChartPixels
{
    public static Rgb At(RawImage image, int x, int y) => new(image[x, y, 0], image[x, y, 1], image[x, y, 2]);

    /// <summary>Pixels within <paramref name="tolerance"/> per channel of <paramref name="color"/>.</summary>
    public static int Count(RawImage image, Rgb color, int tolerance = 0) =>
        Enumerable.Range(0, image.Width * image.Height).Count(i =>
            Math.Abs(image.Pixels[3 * i] - color.R) <= tolerance && Math.Abs(image.Pixels[3 * i + 1] - color.G) <= tolerance && Math.Abs(image.Pixels[3 * i + 2] - color.B) <= tolerance);

    /// <summary>Dark pixels (every channel below 128: text and axes) in the rectangle.</summary>
    public static int Dark(RawImage image, int left, int top, int width, int height) =>
        Enumerable.Range(top, height).Sum(y => Enumerable.Range(left, width).Count(x => image[x, y, 0] < 128 && image[x, y, 1] < 128 && image[x, y, 2] < 128));

    /// <summary>Distinct grey levels in the rectangle: anti-aliased text has many, a one-colour pixel font two.</summary>
    public static int GreyLevels(RawImage image, int left, int top, int width, int height) =>
        Enumerable.Range(top, height).SelectMany(y => Enumerable.Range(left, width).Select(x => image[x, y, 0])).Distinct().Count();
}
