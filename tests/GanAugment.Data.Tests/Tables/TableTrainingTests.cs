using GanAugment.Data.Tables;

namespace GanAugment.Data.Tests.Tables;

/// <summary>What a table must be to train a table GAN, which numeric columns are discrete, and appending rows.</summary>
public sealed class TableTrainingTests
{
    private static Table Make(params Column[] columns) => new(columns);

    private static CategoricalColumn Cat(string name, params string?[] values) => CategoricalColumn.FromValues(name, values);

    [Fact]
    public void A_column_of_one_value_is_a_one_line_error_naming_the_file_and_column() =>
        OneLineError.Starts("t.csv: column 'k' holds the one value '7' in every row",
            () => { TableChecks.ForTraining(Make(new NumericColumn("x", [1, 2, 3]), new NumericColumn("k", [7, 7, 7])), null, "t.csv"); return 0; });

    [Fact]
    public void A_column_without_any_value_is_refused_but_one_value_beside_missing_rows_is_kept()
    {
        OneLineError.Starts("t.csv: column 'e' has no value in any row",
            () => { TableChecks.ForTraining(Make(new NumericColumn("x", [1, 2, 3]), Cat("e", null, null, null)), null, "t.csv"); return 0; });
        TableChecks.ForTraining(Make(new NumericColumn("x", [1, 2, 3]), Cat("flag", "yes", null, "yes")), null, "t.csv");
    }

    [Fact]
    public void A_target_class_with_one_row_is_named_with_its_row() =>
        OneLineError.Starts("t.csv: class 'rare' of target 'y' has a single row (data row 3)",
            () => { TableChecks.ForTraining(Make(new NumericColumn("x", [1, 2, 3, 4]), Cat("y", "a", "a", "rare", "a")), "y", "t.csv"); return 0; });

    [Fact]
    public void A_missing_target_value_is_named_with_its_row() =>
        OneLineError.Starts("t.csv: target column 'y' has no value in data row 2",
            () => { TableChecks.ForTraining(Make(new NumericColumn("x", [1, 2, 3, 4]), Cat("y", "a", null, "b", "b")), "y", "t.csv"); return 0; });

    [Fact]
    public void Integer_columns_with_few_values_are_inferred_discrete_and_written_back_as_numbers()
    {
        var table = Make(
            new NumericColumn("rating", [1, 2, 3, 2, 1, double.NaN]),
            new NumericColumn("amount", [1.5, 2, 3, 4, 5, 6]),
            new NumericColumn("id", [.. Enumerable.Range(0, 6).Select(i => i * 100.0)]),
            Cat("y", "a", "b", "a", "b", "a", "b"));
        var wide = Make(new NumericColumn("n", [.. Enumerable.Range(0, 11).Select(i => (double)i)]));
        var (discrete, converted) = DiscreteColumns.Apply(table, null, "y", "t.csv");
        Assert.Equal(["rating", "id"], converted);
        Assert.Equal(["1", "2", "3"], ((CategoricalColumn)discrete["rating"]).Categories);
        Assert.True(discrete["rating"].IsMissing(5));
        Assert.IsType<NumericColumn>(discrete["amount"]);
        Assert.Empty(DiscreteColumns.Apply(wide, null, null, "w.csv").Converted);

        var back = DiscreteColumns.Restore(discrete, converted);
        Assert.Equal(((NumericColumn)table["rating"]).Values, ((NumericColumn)back["rating"]).Values);
        Assert.IsType<CategoricalColumn>(back["y"]);
    }

    [Fact]
    public void Named_discrete_columns_replace_the_inference_and_an_unknown_name_lists_the_columns()
    {
        var table = Make(new NumericColumn("rating", [1, 2, 3]), new NumericColumn("amount", [1.5, 2, 3]), new NumericColumn("y", [0, 1, 1]));
        var (_, converted) = DiscreteColumns.Apply(table, ["amount"], "y", "t.csv");
        Assert.Equal(["amount", "y"], converted);
        Assert.Equal(["y"], DiscreteColumns.Apply(table, [], "y", "t.csv").Converted);
        OneLineError.Starts("t.csv: discrete column 'rate' not found; columns are: rating, amount, y",
            () => DiscreteColumns.Apply(table, ["rate"], "y", "t.csv"));
    }

    [Fact]
    public void Appending_rows_keeps_the_first_tables_category_order_and_adds_new_ones_after()
    {
        var a = new Table([new NumericColumn("x", [1, 2]), new CategoricalColumn("c", ["p", "q", "r"], [2, 0])], "c");
        var b = new Table([new NumericColumn("x", [3]), Cat("c", "s")]);
        var ab = TableRows.Append(a, b);
        Assert.Equal([1.0, 2, 3], ((NumericColumn)ab["x"]).Values);
        Assert.Equal(["p", "q", "r", "s"], ((CategoricalColumn)ab["c"]).Categories);
        Assert.Equal(["r", "p", "s"], Enumerable.Range(0, 3).Select(i => ((CategoricalColumn)ab["c"])[i]));
        Assert.Equal("c", ab.LabelName);
        Assert.Throws<ArgumentException>(() => TableRows.Append(a, new Table([Cat("x", "1"), Cat("c", "p")])));
    }
}
