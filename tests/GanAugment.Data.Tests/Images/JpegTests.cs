using GanAugment.Data.Images;

namespace GanAugment.Data.Tests.Images;

/// <summary>
/// JPEG files made with libjpeg-turbo's cjpeg at quality 100: grey.jpg from a 16x8 PGM whose left
/// half is 64 and right half 192 (-grayscale); red.jpg (baseline, no chroma subsampling) and
/// redp.jpg (progressive, quality 90) from an 8x8 PPM of RGB (200, 40, 20). djpeg decodes them to
/// 64/192 and (201, 40, 20).
/// </summary>
public class JpegTests
{
    private const string Grey = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAALCAAIABABAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/AP5/6/0AK//Z";
    private const string Red = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/2wBDAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAARCAAIAAgDAREAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD8r6/zXP8AqQP/2Q==";
    private const string RedProgressive = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wgARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAVAQEBAAAAAAAAAAAAAAAAAAAGB//aAAwDAQACEAMQAAABhwNtv//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAQUCf//EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQMBAT8Bf//EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQIBAT8Bf//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEABj8Cf//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAT8hf//aAAwDAQACAAMAAAAQD//EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQMBAT8Qf//EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQIBAT8Qf//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAT8Qf//Z";

    [Fact]
    public void A_grey_jpeg_decodes_to_one_channel_with_its_values()
    {
        var image = ImageFile.Decode(Convert.FromBase64String(Grey), "grey.jpg");
        Assert.Equal((16, 8, 1), (image.Width, image.Height, image.Channels));
        for (var y = 0; y < 8; y++)
            for (var x = 0; x < 16; x++)
                Assert.InRange(image[x, y], x < 8 ? 62 : 190, x < 8 ? 66 : 194);
    }

    [Theory]
    [InlineData(Red)]
    [InlineData(RedProgressive)]
    public void A_colour_jpeg_decodes_to_rgb(string base64)
    {
        var image = ImageFile.Decode(Convert.FromBase64String(base64), "red.jpg");
        Assert.Equal((8, 8, 3), (image.Width, image.Height, image.Channels));
        Assert.InRange(image[3, 4, 0], 196, 204);
        Assert.InRange(image[3, 4, 1], 36, 44);
        Assert.InRange(image[3, 4, 2], 16, 24);
    }

    [Fact]
    public void A_truncated_jpeg_is_a_data_error_naming_the_file()
    {
        var bytes = Convert.FromBase64String(Red)[..40];
        var e = Assert.Throws<DataFormatException>(() => ImageFile.Decode(bytes, "cut.jpg"));
        Assert.StartsWith("cut.jpg: not a readable JPEG file", e.Message);
    }

    [Fact]
    public void An_image_folder_reads_jpeg_files_beside_png_files()
    {
        using var dir = new TempDir();
        dir.Write("00-dark/a.jpg", Convert.FromBase64String(Grey));
        dir.Write("01-light/b.JPEG", Convert.FromBase64String(Grey));
        var data = ImageFolderDataset.Read(dir.Path).Train;
        Assert.Equal(["dark", "light"], data.ClassNames);
        Assert.Equal((1, 8, 16), (data.Channels, data.Height, data.Width));
    }
}
