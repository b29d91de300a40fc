using GanAugment.Data.Writers;

namespace GanAugment.Cli.Tests;

/// <summary>
/// A hand-made image folder with named classes, as a user would bring one: cat/ (8 dark 28x28
/// images) and dog/ (4 light ones), grey PNG files with a seeded speckle; with a test part, those
/// under train/ and two of each under test/.
/// </summary>
internal static class NamedClassFolder
{
    public static string Write(string folder, bool withTest = false)
    {
        var random = new Random(5);
        WritePart(withTest ? Path.Combine(folder, "train") : folder, random, cats: 8, dogs: 4);
        if (withTest) WritePart(Path.Combine(folder, "test"), random, cats: 2, dogs: 2);
        return folder;
    }

    private static void WritePart(string folder, Random random, int cats, int dogs)
    {
        foreach (var (name, count, level) in new[] { ("cat", cats, 40), ("dog", dogs, 200) })
        {
            Directory.CreateDirectory(Path.Combine(folder, name));
            for (var i = 0; i < count; i++)
            {
                var pixels = new byte[28 * 28];
                for (var p = 0; p < pixels.Length; p++) pixels[p] = (byte)(level + random.Next(0, 50));
                PngWriter.WriteChw(Path.Combine(folder, name, $"{i:D3}.png"), pixels, 1, 28, 28);
            }
        }
    }
}
