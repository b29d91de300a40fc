using GanAugment.Evaluation.Series;

namespace GanAugment.Evaluation.Tests.Series;

public class SeriesPcaTests
{
    [Fact]
    public void Points_on_a_line_have_one_component_along_it()
    {
        // (t, t + 1) for t = 0..4: mean (2, 3), all variance along (1, 1)/√2.
        float[] rows = [0, 1, 1, 2, 2, 3, 3, 4, 4, 5];
        var pca = SeriesPca.Fit(rows, 5, 2);
        Assert.Equal(1.0, pca.ExplainedVarianceRatio[0], 9);
        Assert.Equal(0.0, pca.ExplainedVarianceRatio[1], 9);
        var xy = pca.Project(rows, 5);
        // Row t lies (t − 2)·√2 along the first axis and on the second axis's zero.
        for (var t = 0; t < 5; t++)
        {
            Assert.Equal((t - 2) * Math.Sqrt(2), xy[2 * t], 6);
            Assert.Equal(0.0, xy[2 * t + 1], 6);
        }
    }

    [Fact]
    public void The_scatter_renders_real_and_synthetic_points()
    {
        var canvas = SeriesPca.Scatter("pca", [0, 0, 1, 1, 2, 0.5], [0.5, 0.5, 1.5, 1]).Render();
        Assert.Equal((640, 560), (canvas.Width, canvas.Height));
    }
}
