using GanAugment.Data.Images;

namespace GanAugment.Data.Tests.Images;

/// <summary>
/// PNG files written by other encoders (netpbm's pnmtopng and Pillow, both on libpng/zlib),
/// embedded as base64, so the decoder is checked against files it did not make. Each is
/// 13x7 and holds value(x, y, c) = (7x + 13y + 29c + xy) mod (maxval + 1) scaled to 0..255, or,
/// for the palette files, one of five colours chosen by (x + 2y) mod 5. Generated with
/// pnmtopng [-interlace] [-force] [-alpha=...] from P2/P3 text and with Image.save(..., "PNG").
/// </summary>
public class PngReferenceFileTests
{
    public enum Expected { Grey, Rgb, Colours }

    private static readonly byte[][] Colours = [[255, 0, 0], [0, 128, 255], [10, 20, 30], [200, 200, 50], [0, 0, 0]];

    private static int Value(int x, int y, int c, int maxval) => (x * 7 + y * 13 + c * 29 + x * y) % (maxval + 1);

    private static byte Scale(int v, int maxval) => (byte)Math.Round(v * 255.0 / maxval, MidpointRounding.AwayFromZero);

    [Theory]
    [InlineData("netpbm_grey1", Expected.Grey, 1,
        "iVBORw0KGgoAAAANSUhEUgAAAA0AAAAHAQAAAAD7C/q3AAAAEUlEQVQImWMIDWD4/4MBlQQAWSAIem50E2UAAAAASUVORK5CYII=")]
    [InlineData("netpbm_grey2_interlaced", Expected.Grey, 3,
        "iVBORw0KGgoAAAANSUhEUgAAAA0AAAAHAgAAAAHLrLDxAAAAIElEQVQImWNgAIMVQNjRAUJ3LyBQaGioA8Pdu3cPgFkAJvAP+qgqUYMAAAAASUVORK5CYII=")]
    [InlineData("netpbm_grey4", Expected.Grey, 15,
        "iVBORw0KGgoAAAANSUhEUgAAAA0AAAAHBAAAAAAz63XHAAAAPElEQVQImWNgf3p4YX+uA8NVMLjAsPjoc05t3wSGwq0/bQu3fmDwX8qdeFy3gUF2KggKMLxu1T+ZzLsAAAsaGW9/SnieAAAAAElFTkSuQmCC")]
    [InlineData("netpbm_grey16_interlaced", Expected.Grey, 65535,
        "iVBORw0KGgoAAAANSUhEUgAAAA0AAAAHEAAAAAHRjHQTAAAATklEQVQImW3LMQqAMBBE0b8woIimsLBY9ghbpkjh/c9lISEpwqs+zAA0I2hGJUnSKAQh3r+cexAVH4yN0omYh8HTiZg/F/uacI414ZxrH0/6ByvvM0t8AAAAAElFTkSuQmCC")]
    [InlineData("netpbm_rgb8_interlaced", Expected.Rgb, 255,
        "iVBORw0KGgoAAAANSUhEUgAAAA0AAAAHCAIAAAErFWDbAAAAZElEQVQYlY3MoQqAQBCEYRcWFNELBsMyNpMaD1zlikmrID6G7x8tGu6u3Bd/mKGsW1WVsNyqSvZ8ph+Z8QAAgJ1zX5P5aiJsrZUI5f1mfAwg3AJofQwg/KqHvUjAIlImYBGpEryxtxed0VV1OwAAAABJRU5ErkJggg==")]
    [InlineData("netpbm_palette8_interlaced", Expected.Rgb, 255,
        "iVBORw0KGgoAAAANSUhEUgAAAA0AAAAHCAMAAAGTqQe+AAAA21BMVEUjQF01Um9HZIFZdpMAHTpriKV9mrePrMmhvtvF4v8lQl+iv9xbeJVtiqc4VXJKZ4QVMk8nRGG20/BdepeBnruCn7w7WHVNaoe41fJxjqsqR2SVss9Oa4i51vPd+hdgfZoHJEE9WndPbIkaN1QsSWaXtNE+W3ipxuNQbYpif5x0ka6Go8AtSmc/XHljgJ11kq8cOVZ2k7AdOldBXnvQ7Qplgp93lLGJpsPqByStyufR7gtUcY4NKkcxTmucudZVco8OK0iLqMVohaKMqcZFYn80UW6fvNlGY4DD4P2F+0qVAAAAb0lEQVQImQXBiQKBQAAFwJdVRCmKRQehu9wh6UDk/7/IDNoD7DN8Fu8pqnkD6dDHeuN4fhBCf42L0fmGpYw8pgDTIiyHuGRVO4Ww67g/Ew/52IsYq6alkogY5pN6RbbiRX1qX5woSWbcVeumBn//A3J6DCxoooj+AAAAAElFTkSuQmCC")]
    [InlineData("netpbm_rgb16", Expected.Rgb, 65535,
        "iVBORw0KGgoAAAANSUhEUgAAAA0AAAAHEAIAAAAMgowOAAAAPElEQVQokWNkYGCQZbBiYKcOZGHgZeBl4GXgoA6EGcdJHQgzjos6EGYcN3UgzDgeakBGHphxZENGZJYkABrOC0KU2jxbAAAAAElFTkSuQmCC")]
    [InlineData("netpbm_palette", Expected.Colours, 255,
        "iVBORw0KGgoAAAANSUhEUgAAAA0AAAAHBAMAAAAhXtopAAAAD1BMVEUAAADIyDIAgP8KFB7/AACVYh/cAAAAJElEQVQImWNwMmRRFnAyYABThgwMYIpFgQFMKQswQCgHBjR1ALk0BpReCXA/AAAAAElFTkSuQmCC")]
    [InlineData("netpbm_rgba8", Expected.Rgb, 255,
        "iVBORw0KGgoAAAANSUhEUgAAAA0AAAAHCAYAAADTcMcaAAAARklEQVQYlZXIsQ3AIBAEQax7CfhnC3DgnBrcf2EUYMnSBZPM1Z639d63IwCNMSwBaM5pCUCZaQlAVWUJQGstSwD6sb936wCO0A4ucJ1SmwAAAABJRU5ErkJggg==")]
    [InlineData("netpbm_greyalpha8", Expected.Grey, 255,
        "iVBORw0KGgoAAAANSUhEUgAAAA0AAAAHCAQAAAB5eQ+RAAAAMUlEQVQImXXGwQkAIAwDwEoCajV7dP8JfYpguM+1iF5/FIZBYRoU0qCwDArboPCo+wPJXQafKsk8ogAAAABJRU5ErkJggg==")]
    [InlineData("pil_grey8", Expected.Grey, 255,
        "iVBORw0KGgoAAAANSUhEUgAAAA0AAAAHCAAAAAD2G5jGAAAAJUlEQVR4nE3ByQkAMAwEsRgWnGv6b9ffkWq1FFvCkXAlPAlfgg2fxAOtB2D23AAAAABJRU5ErkJggg==")]
    [InlineData("pil_bilevel", Expected.Grey, 1,
        "iVBORw0KGgoAAAANSUhEUgAAAA0AAAAHAQAAAAD7C/q3AAAAEUlEQVR4nGMM/c34/ycjKgkAdEoLMFd2O3oAAAAASUVORK5CYII=")]
    [InlineData("pil_rgba8", Expected.Rgb, 255,
        "iVBORw0KGgoAAAANSUhEUgAAAA0AAAAHCAYAAADTcMcaAAAARklEQVR4nJXIsQ3AIBAEQax7CfhnC3DgnBrcf2EUYMnSBZPM1Z639d63IwCNMSwBaM5pCUCZaQlAVWUJQGstSwD6sb936wCO0A4ueV+h8gAAAABJRU5ErkJggg==")]
    [InlineData("pil_greyalpha8", Expected.Grey, 255,
        "iVBORw0KGgoAAAANSUhEUgAAAA0AAAAHCAQAAAB5eQ+RAAAAMUlEQVR4nHXGwQkAIAwDwEoCajV7dP8JfYpguM+1iF5/FIZBYRoU0qCwDArboPCo+wPJXQafnGJ6/wAAAABJRU5ErkJggg==")]
    [InlineData("pil_grey16", Expected.Grey, 65535,
        "iVBORw0KGgoAAAANSUhEUgAAAA0AAAAHEAAAAACmi0SFAAAALElEQVR4nHXCiQkAMAwDsQsY0s/7r5sFXKQCOivMyoTZmTAnE+ZmwrxM+GcAMmYDrZFkU+QAAAAASUVORK5CYII=")]
    [InlineData("pil_palette8", Expected.Colours, 255,
        "iVBORw0KGgoAAAANSUhEUgAAAA0AAAAHBAMAAAAhXtopAAAAD1BMVEXIyDIAgP8KFB7/AAAAAAC6EeUWAAAAJElEQVR4nGMwVHAWYjFUYIBQDgxgylmAAUwJMTCAKRYDBjR1ALqJBqJspwk1AAAAAElFTkSuQmCC")]
    public void Decodes_files_made_by_other_encoders(string name, Expected kind, int maxval, string base64)
    {
        var image = ImageFile.Decode(Convert.FromBase64String(base64), name + ".png");
        Assert.Equal((13, 7, kind == Expected.Grey ? 1 : 3), (image.Width, image.Height, image.Channels));
        for (var y = 0; y < 7; y++)
            for (var x = 0; x < 13; x++)
                for (var c = 0; c < image.Channels; c++)
                {
                    var expected = kind == Expected.Colours ? Colours[(x + 2 * y) % 5][c] : Scale(Value(x, y, c, maxval), maxval);
                    Assert.True(expected == image[x, y, c], $"{name}: ({x},{y}) channel {c} is {image[x, y, c]}, expected {expected}");
                }
    }
}
