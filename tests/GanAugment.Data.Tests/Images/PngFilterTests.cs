using GanAugment.Data.Images.Png;

namespace GanAugment.Data.Tests.Images;

public class PngFilterTests
{
    [Theory]
    [InlineData(25, 10, 20, 10)] // p = 15: |p - b| = |p - c| = 5 < |p - a| = 10, tie goes to b (up)
    [InlineData(10, 20, 15, 15)] // p = 15 = c exactly
    [InlineData(7, 7, 7, 7)]     // all equal: a
    [InlineData(3, 100, 1, 100)] // p = 102: b is closest
    [InlineData(100, 3, 1, 100)] // p = 102: a is closest
    public void Paeth_picks_the_closest_with_ties_in_order_a_b_c(int a, int b, int c, int expected) =>
        Assert.Equal(expected, PngFilter.Paeth(a, b, c));

    [Theory]
    [InlineData(0, new byte[] { 5, 6, 7, 8 })]
    [InlineData(1, new byte[] { 5, 6, 12, 14 })]     // + left (stride 2)
    [InlineData(2, new byte[] { 15, 26, 37, 48 })]   // + up
    [InlineData(3, new byte[] { 10, 16, 27, 36 })]   // + floor((left + up) / 2)
    [InlineData(4, new byte[] { 15, 26, 37, 48 })]   // + Paeth(left, up, up-left)
    public void Unfilter_by_hand(int type, byte[] expected)
    {
        byte[] previous = [10, 20, 30, 40];
        byte[] row = [5, 6, 7, 8];
        PngFilter.Unfilter(type, previous, row, stride: 2);
        Assert.Equal(expected, row);
    }

    [Fact]
    public void Filter_then_unfilter_is_the_identity()
    {
        var rng = new Random(8);
        var previous = new byte[31];
        var row = new byte[31];
        rng.NextBytes(previous);
        rng.NextBytes(row);
        for (var type = 0; type < PngFilter.Count; type++)
        {
            var filtered = new byte[row.Length];
            PngFilter.Filter(type, previous, row, 3, filtered);
            PngFilter.Unfilter(type, previous, filtered, 3);
            Assert.Equal(row, filtered);
        }
    }
}
