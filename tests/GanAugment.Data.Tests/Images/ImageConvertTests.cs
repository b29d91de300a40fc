using GanAugment.Data.Images;

namespace GanAugment.Data.Tests.Images;

public class ImageConvertTests
{
    [Fact]
    public void Grey_uses_bt601_luma_weights()
    {
        var rgb = new RawImage(4, 1, 3, [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]);
        // 0.299·255 = 76.2, 0.587·255 = 149.7, 0.114·255 = 29.1 (Pillow's "L" gives the same).
        Assert.Equal(new byte[] { 76, 150, 29, 255 }, ImageConvert.ToGrey(rgb).Pixels);
    }

    [Fact]
    public void Rgb_replicates_grey()
    {
        var rgb = ImageConvert.To(new RawImage(2, 1, 1, [7, 200]), ImageColor.Rgb);
        Assert.Equal(new byte[] { 7, 7, 7, 200, 200, 200 }, rgb.Pixels);
    }

    [Fact]
    public void Grey_to_rgb_to_grey_is_the_identity()
    {
        var grey = new RawImage(256, 1, 1, [.. Enumerable.Range(0, 256).Select(i => (byte)i)]);
        Assert.Equal(grey.Pixels, ImageConvert.ToGrey(ImageConvert.ToRgb(grey)).Pixels);
    }

    [Fact]
    public void Chw_and_hwc_layouts_convert_both_ways()
    {
        var image = new RawImage(2, 1, 3, [1, 2, 3, 4, 5, 6]);
        Assert.Equal(new byte[] { 1, 4, 2, 5, 3, 6 }, image.ToChw());
        Assert.Equal(image.Pixels, RawImage.FromChw(image.ToChw(), 3, 1, 2).Pixels);
    }

    [Fact]
    public void Crop_takes_the_given_rectangle()
    {
        var image = new RawImage(3, 3, 1, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        Assert.Equal(new byte[] { 5, 6, 8, 9 }, ImageCrop.Crop(image, 1, 1, 2, 2).Pixels);
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageCrop.Crop(image, 2, 0, 2, 1));
    }
}
