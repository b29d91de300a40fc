using GanAugment.Data.Tables;

namespace GanAugment.Data.Tests.Tables;

public sealed class TableTests
{
    private static Table Small() => new(
        [new NumericColumn("x", [1, 2, double.NaN, 4]), CategoricalColumn.FromValues("y", ["a", "b", "a", null])], "y");

    [Fact]
    public void Select_rows_keeps_order_and_label()
    {
        var t = Small().SelectRows([3, 0, 0]);
        Assert.Equal(3, t.RowCount);
        Assert.Equal([4.0, 1, 1], ((NumericColumn)t["x"]).Values);
        Assert.Equal([null, "a", "a"], Enumerable.Range(0, 3).Select(r => ((CategoricalColumn)t["y"])[r]));
        Assert.Equal("y", t.LabelName);
    }

    [Fact]
    public void Select_rows_rejects_out_of_range() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Small().SelectRows([4]));

    [Fact]
    public void Class_counts_skip_missing_labels() => Assert.Equal([2, 1], Small().ClassCounts());

    [Fact]
    public void Unknown_label_lists_columns()
    {
        var e = Assert.Throws<ArgumentException>(() => Small().WithLabel("z"));
        Assert.Contains("columns are: x, y", e.Message);
    }

    [Fact]
    public void Columns_must_have_equal_length_and_distinct_names()
    {
        Assert.Throws<ArgumentException>(() => new Table([new NumericColumn("a", [1]), new NumericColumn("b", [1, 2])]));
        Assert.Throws<ArgumentException>(() => new Table([new NumericColumn("a", [1]), new NumericColumn("a", [2])]));
    }

    [Fact]
    public void Numeric_column_rejects_infinity_and_tracks_integrality()
    {
        Assert.Throws<ArgumentException>(() => new NumericColumn("a", [double.PositiveInfinity]));
        Assert.True(new NumericColumn("a", [1, -3, double.NaN]).IsIntegral);
        Assert.False(new NumericColumn("a", [1, 0.5]).IsIntegral);
        Assert.False(new NumericColumn("a", [1e300]).IsIntegral);
    }

    [Fact]
    public void Categorical_column_validates_categories_and_codes()
    {
        Assert.Throws<ArgumentException>(() => new CategoricalColumn("c", ["a", "a"], [0]));
        Assert.Throws<ArgumentException>(() => new CategoricalColumn("c", [""], [0]));
        Assert.Throws<ArgumentException>(() => new CategoricalColumn("c", ["a"], [1]));
        Assert.Throws<ArgumentException>(() => CategoricalColumn.FromValues("c", ["b"], ["a"]));
    }

    [Fact]
    public void Numeric_label_is_not_class_labels() =>
        Assert.Throws<InvalidOperationException>(() => Small().WithLabel("x").ClassLabels());

    [Fact]
    public void Class_indices_of_the_label_or_any_categorical_column()
    {
        var (classes, names) = Small().ClassIndices();
        Assert.Equal([0, 1, 0, -1], classes);
        Assert.Equal(["a", "b"], names);
        var other = new Table([CategoricalColumn.FromValues("z", ["q", "p", "q", "q"]), .. Small().Columns], "y");
        Assert.Equal([0, 1, 0, 0], other.ClassIndices("z").Classes);
        Assert.Equal(["q", "p"], other.ClassIndices("z").ClassNames);
    }

    [Fact]
    public void Class_indices_of_a_numeric_column_say_so()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Small().ClassIndices("x"));
        Assert.Equal("column 'x' is numeric, not categorical", e.Message);
        Assert.Throws<InvalidOperationException>(() => Small().WithLabel(null).ClassIndices());
    }

    [Fact]
    public void Name_survives_selecting_rows_and_relabelling()
    {
        var t = new Table(Small().Columns, "y", "weather");
        Assert.Equal("weather", t.SelectRows([1]).WithLabel("x").Name);
    }
}
