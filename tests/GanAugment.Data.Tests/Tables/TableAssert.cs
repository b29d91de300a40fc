using GanAugment.Data.Tables;

namespace GanAugment.Data.Tests.Tables;

/// <summary>Compares two tables column by column: names, label, kinds, categories and values.</summary>
internal static class TableAssert
{
    /// <summary>
    /// Numbers must have the same bits when <paramref name="relative"/> is 0, else agree within
    /// relative · max(|x|, 1); categories must match exactly (order of the category list too when
    /// <paramref name="categoryOrder"/>), and missing values must stay missing.
    /// </summary>
    public static void Same(Table expected, Table actual, double relative = 0, bool categoryOrder = false)
    {
        Assert.Equal(expected.Columns.Select(c => c.Name), actual.Columns.Select(c => c.Name));
        Assert.Equal(expected.LabelName, actual.LabelName);
        Assert.Equal(expected.RowCount, actual.RowCount);
        for (var j = 0; j < expected.ColumnCount; j++)
        {
            switch (expected[j], actual[j])
            {
                case (CategoricalColumn e, CategoricalColumn a):
                    if (categoryOrder) Assert.Equal(e.Categories, a.Categories);
                    Assert.Equal(Enumerable.Range(0, e.Count).Select(r => e[r]), Enumerable.Range(0, a.Count).Select(r => a[r]));
                    break;
                case (NumericColumn e, NumericColumn a):
                    for (var r = 0; r < e.Count; r++) SameNumber(e[r], a[r], relative, $"{e.Name}[{r}]");
                    break;
                default:
                    Assert.Fail($"column {j} changed kind");
                    break;
            }
        }
    }

    private static void SameNumber(double e, double a, double relative, string where)
    {
        if (double.IsNaN(e)) Assert.True(double.IsNaN(a), $"{where} should be missing");
        else if (relative == 0) Assert.True(BitConverter.DoubleToInt64Bits(e) == BitConverter.DoubleToInt64Bits(a), $"{where}: {e:R} came back as {a:R}");
        else Assert.True(Math.Abs(e - a) <= relative * Math.Max(Math.Abs(e), 1.0), $"{where}: {e} came back as {a}");
    }
}
