using GanAugment.Data.Images;
using GanAugment.Data.Images.Png;

namespace GanAugment.Data.Tests.Images;

public class OmniglotReaderTests
{
    /// <summary>A 105x105 1-bit PNG like Omniglot's: white, with a black square stroke at the given place.</summary>
    private static byte[] Drawing(int x0, int y0)
    {
        var samples = new int[105 * 105];
        for (var i = 0; i < samples.Length; i++)
        {
            var (x, y) = (i % 105, i / 105);
            samples[i] = x >= x0 && x < x0 + 30 && y >= y0 && y < y0 + 30 ? 0 : 1;
        }
        return new PngBuilder(105, 105, 1, PngColorType.Grey, samples).Build();
    }

    private static TempDir Omniglot()
    {
        var dir = new TempDir();
        dir.Write("Latin/character02/0002_01.png", Drawing(0, 0));
        dir.Write("Latin/character01/0001_01.png", Drawing(75, 75));
        dir.Write("Latin/character01/0001_02.png", Drawing(0, 75));
        dir.Write("Greek/character01/0101_01.png", Drawing(40, 40));
        return dir;
    }

    [Fact]
    public void Classes_are_alphabet_slash_character_in_order()
    {
        using var dir = Omniglot();
        var data = OmniglotReader.Read(dir.Path, 21);
        Assert.Equal(["Greek/character01", "Latin/character01", "Latin/character02"], data.ClassNames);
        Assert.Equal([0, 1, 1, 2], data.Labels);
        Assert.Equal((1, 21, 21), (data.Channels, data.Height, data.Width));
    }

    [Fact]
    public void Drawings_are_resized_by_area_averaging()
    {
        using var dir = Omniglot();
        var data = OmniglotReader.Read(dir.Path, 21);
        // 105 / 21 = 5: the 30-pixel stroke at (75, 75) covers output pixels 15..20 exactly.
        var image = data.Image(1);
        Assert.Equal(0, image[16 * 21 + 16]);
        Assert.Equal(255, image[5 * 21 + 5]);
        Assert.Equal(255 * (21 * 21 - 36), image.ToArray().Sum(p => p));
    }

    [Fact]
    public void Empty_character_folder_is_named()
    {
        using var dir = Omniglot();
        Directory.CreateDirectory(Path.Combine(dir.Path, "Greek", "character02"));
        var e = Assert.Throws<DataFormatException>(() => OmniglotReader.Read(dir.Path, 28));
        Assert.Equal($"{Path.Combine(dir.Path, "Greek", "character02")}: character folder holds no images", e.Message);
    }

    [Fact]
    public void Alphabet_without_characters_is_named()
    {
        using var dir = Omniglot();
        Directory.CreateDirectory(Path.Combine(dir.Path, "Runic"));
        Assert.EndsWith("alphabet folder holds no character folders", Assert.Throws<DataFormatException>(() => OmniglotReader.Read(dir.Path, 28)).Message);
    }

    [Fact]
    public void Missing_root() =>
        Assert.EndsWith("Omniglot folder does not exist", Assert.Throws<DataFormatException>(() => OmniglotReader.Read("/nonexistent/omniglot", 28)).Message);
}
