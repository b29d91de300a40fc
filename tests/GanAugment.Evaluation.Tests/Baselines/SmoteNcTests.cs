using GanAugment.Data.Tables;
using GanAugment.Evaluation.Baselines;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Tests.Baselines;

public class SmoteNcTests
{
    // x 0, 1, 3, 10 (mean 3.5, population variance 61/4, so Med² = 15.25) and colour p, p, q, q
    private static readonly Table Class = new([new NumericColumn("x", [0, 1, 3, 10]), CategoricalColumn.FromValues("colour", ["p", "p", "q", "q"])]);

    [Fact]
    public void DistanceAddsMedSquaredPerDifferingCategory()
    {
        var numeric = new[] { (NumericColumn)Class["x"] };
        var categorical = new[] { (CategoricalColumn)Class["colour"] };
        var med = SmoteNc.MedianStd(numeric);
        Assert.Equal(Math.Sqrt(15.25), med, 12);
        Assert.Equal(1, SmoteNc.Distance(numeric, categorical, med, 0, 1), 12);
        Assert.Equal(9 + 15.25, SmoteNc.Distance(numeric, categorical, med, 0, 2), 12);
        Assert.Equal(49, SmoteNc.Distance(numeric, categorical, med, 2, 3), 12);
        // two numeric columns: the median of the standard deviations sqrt(15.25) and 1
        Assert.Equal((Math.Sqrt(15.25) + 1) / 2, SmoteNc.MedianStd([numeric[0], new NumericColumn("y", [0, 0, 2, 2])]), 12);
    }

    [Fact]
    public void HandWorkedExampleWithOneNeighbour()
    {
        // nearest neighbours (k = 1): 0 -> 1 (d 1), 1 -> 0 (d 1), 2 -> 1 (4 + 15.25 < 9 + 15.25 and 49), 3 -> 2 (49 < 96.25, 115.25).
        // So a row from 0 or 1 lies in [0, 1] with colour p, from 2 in (1, 3] with p (its neighbour's), from 3 in (3, 10] with q.
        var rows = SmoteNc.Oversample(Class, 400, new Rng(5), neighbours: 1);
        var x = (NumericColumn)rows["x"];
        var colour = (CategoricalColumn)rows["colour"];
        Assert.Equal(400, rows.RowCount);
        for (var r = 0; r < rows.RowCount; r++)
        {
            Assert.InRange(x[r], 0, 10);
            Assert.Equal(x[r] > 3 ? "q" : "p", colour[r]);
        }
        var fromThree = Enumerable.Range(0, 400).Count(r => x[r] > 3);
        Assert.InRange(fromThree, 70, 130);
        Assert.Contains(Enumerable.Range(0, 400), r => x[r] > 1 && x[r] < 3);
    }

    [Fact]
    public void CategoryIsTheMajorityOfTheNeighboursTiesToTheFirstListed()
    {
        // k = 3: every row's neighbours are the other three; rows 0, 1 see one p and two q -> q; rows 2, 3 see two p and one q -> p
        var rows = SmoteNc.Oversample(Class, 200, new Rng(1), neighbours: 3);
        var x = (NumericColumn)rows["x"];
        var colour = (CategoricalColumn)rows["colour"];
        Assert.Contains("q", Enumerable.Range(0, 200).Select(r => colour[r]));
        Assert.Contains("p", Enumerable.Range(0, 200).Select(r => colour[r]));
        // k = 2: row 0 -> {1, 2} (p, q: tie -> p), 1 -> {0, 2} (p), 2 -> {1, 0} (p), 3 -> {2, 1} (tie -> p)
        var two = SmoteNc.Oversample(Class, 100, new Rng(2), neighbours: 2);
        Assert.All(Enumerable.Range(0, 100), r => Assert.Equal("p", ((CategoricalColumn)two["colour"])[r]));
        Assert.True(x.Values.All(v => v is >= 0 and <= 10));
    }

    [Fact]
    public void MissingValuesAreAnError()
    {
        var t = new Table([new NumericColumn("x", [1, double.NaN])]);
        var e = Assert.Throws<ArgumentException>(() => SmoteNc.Oversample(t, 3, new Rng(0)));
        Assert.Contains("'x' is missing in row 2", e.Message);
    }
}
