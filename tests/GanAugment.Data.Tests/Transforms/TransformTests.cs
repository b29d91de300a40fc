using GanAugment.Data.Writers;
using GanAugment.Data.Transforms;

namespace GanAugment.Data.Tests.Transforms;

public class TransformTests
{
    // A 1x3x3 image, row-major:
    // 1 2 3
    // 4 5 6
    // 7 8 9
    private static readonly float[] Nine = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Fact]
    public void ScaleMapsBytesToBothRanges()
    {
        var dst = new float[3];
        PixelConvert.ToFloats([0, 255, 51], PixelRange.ZeroToOne, dst);
        Assert.Equal([0f, 1f, 0.2f], dst, (a, b) => Math.Abs(a - b) < 1e-6);
        PixelConvert.ToFloats([0, 255, 51], PixelRange.MinusOneToOne, dst);
        Assert.Equal([-1f, 1f, -0.6f], dst, (a, b) => Math.Abs(a - b) < 1e-6);
        Assert.Equal(-1f, PixelConvert.Black(PixelRange.MinusOneToOne));
    }

    [Fact]
    public void UnscaleRoundsClampsAndInverts()
    {
        var bytes = new byte[5];
        PixelConvert.ToBytes([-1f, 1f, -2f, 3f, float.NaN], PixelRange.MinusOneToOne, bytes);
        Assert.Equal(new byte[] { 0, 255, 0, 255, 0 }, bytes);
        var all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var floats = new float[256];
        PixelConvert.ToFloats(all, PixelRange.ZeroToOne, floats);
        PixelConvert.ToBytes(floats, PixelRange.ZeroToOne, bytes = new byte[256]);
        Assert.Equal(all, bytes);
    }

    [Fact]
    public void FlipMirrorsEachRow()
    {
        var dst = new float[9];
        ImageTransforms.FlipHorizontal(Nine, 1, 3, 3, dst);
        Assert.Equal([3f, 2, 1, 6, 5, 4, 9, 8, 7], dst);
    }

    [Fact]
    public void ShiftMovesRightAndDownWithFill()
    {
        var dst = new float[9];
        ImageTransforms.Shift(Nine, 1, 3, 3, dx: 1, dy: 1, fill: 0, dst);
        Assert.Equal([0f, 0, 0, 0, 1, 2, 0, 4, 5], dst);
        ImageTransforms.Shift(Nine, 1, 3, 3, dx: -1, dy: 0, fill: -1, dst);
        Assert.Equal([2f, 3, -1, 5, 6, -1, 8, 9, -1], dst);
    }

    [Fact]
    public void RotateByZeroIsIdentityAndBy90TurnsCounterClockwise()
    {
        var dst = new float[9];
        ImageTransforms.Rotate(Nine, 1, 3, 3, 0, fill: 0, dst);
        Assert.Equal(Nine, dst);
        ImageTransforms.Rotate(Nine, 1, 3, 3, 90, fill: 0, dst);
        // Counter-clockwise on screen: the right column becomes the top row.
        Assert.Equal([3f, 6, 9, 2, 5, 8, 1, 4, 7], dst, (a, b) => Math.Abs(a - b) < 1e-4);
    }

    [Fact]
    public void RotateInterpolatesBilinearly()
    {
        // A 1x1x2 image [0, 10] turned by 180° about its centre swaps the pixels; 45° on a 2x2
        // image samples between pixels and blends with the fill.
        var dst = new float[2];
        ImageTransforms.Rotate([0f, 10f], 1, 1, 2, 180, fill: 0, dst);
        Assert.Equal([10f, 0f], dst, (a, b) => Math.Abs(a - b) < 1e-4);
        var blended = new float[4];
        ImageTransforms.Rotate([4f, 4f, 4f, 4f], 1, 2, 2, 45, fill: 0, blended);
        Assert.All(blended, v => Assert.InRange(v, 0.1f, 3.9f));
    }

    [Fact]
    public void TransformsWorkPerChannel()
    {
        var rgb = Enumerable.Range(0, 12).Select(i => (float)i).ToArray(); // 3 channels of 2x2
        var dst = new float[12];
        ImageTransforms.FlipHorizontal(rgb, 3, 2, 2, dst);
        Assert.Equal([1f, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10], dst);
    }

    [Fact]
    public void KernelsCheckShapesAndAliasing()
    {
        Assert.Throws<ArgumentException>(() => ImageTransforms.FlipHorizontal(Nine, 1, 3, 2, new float[6]));
        var buffer = new float[9];
        Assert.Throws<ArgumentException>(() => ImageTransforms.Shift(buffer, 1, 3, 3, 1, 1, 0, buffer));
    }

    [Fact]
    public void OneHotEncodes()
    {
        Assert.Equal([0f, 1, 0, 1, 0, 0], OneHot.Encode([1, 0], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => OneHot.Encode([3], 3));
    }
}
