using GanAugment.Data;
using GanAugment.Data.Tables;
using GanAugment.Gans.Tables;

namespace GanAugment.Gans.Tests.Tables;

/// <summary>Missing values are learned and written back at their rate; several <c>where</c> conditions hold exactly.</summary>
public class TableMissingAndWhereTests
{
    /// <summary>
    /// 400 rows: a numeric column missing in 30 % of rows, a colour missing in 20 %, a class. The
    /// missing numbers are imputed (a "missing" mode with α = 0) and flagged; colours get a
    /// category of their own.
    /// </summary>
    private static Table WithGaps(int rows = 400)
    {
        var random = new Random(11);
        var (amount, colour, label) = (new double[rows], new string?[rows], new string?[rows]);
        for (var i = 0; i < rows; i++)
        {
            amount[i] = i % 10 < 3 ? double.NaN : 5 + random.NextDouble() * 3;
            colour[i] = i % 5 == 1 ? null : random.NextDouble() < 0.5 ? "red" : "blue";
            label[i] = i % 4 == 0 ? "rare" : "common";
        }
        return new Table([new NumericColumn("amount", amount), CategoricalColumn.FromValues("colour", colour), CategoricalColumn.FromValues("label", label)], "label");
    }

    private static double MissingShare(Table table, string column) => table[column].MissingCount() / (double)table.RowCount;

    [Fact]
    public void Missing_values_are_sampled_back_at_about_their_rate_in_the_data()
    {
        var s = new TableSynthesizer(new() { Model = TableToys.Small with { Pac = 10, GeneratorWidth = 64, CriticWidth = 64, Adam = new(1e-3, 0.5, 0.9) }, Epochs = 60, BatchSize = 100, Seed = 5 })
            .Fit(WithGaps(), "label");
        var rows = s.Sample(1000);
        var (amount, colour) = (MissingShare(rows, "amount"), MissingShare(rows, "colour"));
        Assert.True(Math.Abs(amount - 0.3) < 0.1, $"missing amount in {amount:P1} of sampled rows, 30 % in the data");
        Assert.True(Math.Abs(colour - 0.2) < 0.1, $"missing colour in {colour:P1} of sampled rows, 20 % in the data");
        var present = ((NumericColumn)rows["amount"]).Values.Where(v => !double.IsNaN(v)).ToArray();
        Assert.All(present, v => Assert.InRange(v, 5, 8));
        Assert.Equal(0.0, MissingShare(s.Sample(50, "rare"), "label"));
    }

    [Fact]
    public void Several_where_conditions_hold_in_every_row_with_the_asked_class_and_bad_ones_name_the_valid_choices()
    {
        // count (0..6, integer) is inferred discrete, so it is a slot of the conditional vector.
        var s = new TableSynthesizer(new() { Model = TableToys.Small, Epochs = 2, BatchSize = 8, Seed = 2 }).Fit(Modalities.ModalityTests.MixedTable(), "label");
        var rows = s.Sample(40, "bad", [("colour", "green"), ("count", "3")]);
        Assert.Equal(40, rows.RowCount);
        Assert.Equal((1.0, 1.0), (TableToys.Share(rows, "label", "bad"), TableToys.Share(rows, "colour", "green")));
        Assert.All(((NumericColumn)rows["count"]).Values, v => Assert.Equal(3.0, v));

        Assert.Contains("discrete columns: colour, count", Assert.Throws<ArgumentException>(() => s.Sample(2, "bad", [("size", "1")])).Message);
        Assert.Contains("column 'colour' has no category 'pink'; its categories: red, blue, green", Assert.Throws<ArgumentException>(() => s.Sample(2, "bad", [("colour", "pink")])).Message);
        Assert.Contains("conditioned twice", Assert.Throws<ArgumentException>(() => s.Sample(2, "bad", [("colour", "red"), ("colour", "blue")])).Message);
    }

    [Fact]
    public void A_table_that_cannot_be_learned_is_refused_before_training()
    {
        var table = new Table([new NumericColumn("x", [1.5, 2.5, 3.5, 4.5]), CategoricalColumn.FromValues("same", ["a", "a", "a", "a"]), CategoricalColumn.FromValues("y", ["p", "p", "q", "q"])]);
        Assert.Contains("column 'same' holds the one value 'a'", Assert.Throws<DataFormatException>(() => new TableSynthesizer().Fit(table, "y")).Message);
    }
}
