using GanAugment.Data.Tables;

namespace GanAugment.Data.Tests.Tables;

/// <summary>Seeded tables shared by the transformer and writer tests.</summary>
internal static class TestTables
{
    /// <summary>A mixed table: bimodal numeric with missing values, integers, a category with missing values, a label.</summary>
    public static Table Mixed(int rows, int seed)
    {
        var random = new Random(seed);
        var bimodal = Samples.Bimodal(rows, seed);
        for (var r = 5; r < rows; r += 17) bimodal[r] = double.NaN;
        var ages = Enumerable.Range(0, rows).Select(_ => (double)random.Next(18, 90)).ToArray();
        string?[] colours = ["red", "green", "blue", null];
        var colour = Enumerable.Range(0, rows).Select(_ => colours[random.Next(colours.Length)]).ToArray();
        var label = Enumerable.Range(0, rows).Select(r => r % 3 == 0 ? "bad" : "good").ToArray();
        return new Table([
            new NumericColumn("amount", bimodal),
            new NumericColumn("age", ages),
            CategoricalColumn.FromValues("colour", colour),
            CategoricalColumn.FromValues("class", label),
        ], "class");
    }

    /// <summary>Real-ish columns: a heavy-tailed amount, whole months, a constant, an all-missing number, -0.0, a skewed category.</summary>
    public static Table Skewed(int rows, int seed)
    {
        var random = new Random(seed);
        var amount = Enumerable.Range(0, rows).Select(_ => Math.Round(Math.Exp(7 + Samples.Normal(random)), 2)).ToArray();
        amount[1] = -0.0;
        var months = Enumerable.Range(0, rows).Select(_ => 6.0 * random.Next(1, 13)).ToArray();
        var purpose = Enumerable.Range(0, rows).Select(_ => random.NextDouble() switch { < 0.6 => "car", < 0.9 => "tv", < 0.99 => "repairs", _ => "retraining" }).ToArray();
        return new Table([
            new NumericColumn("credit_amount", amount),
            new NumericColumn("duration", months),
            new NumericColumn("constant", Enumerable.Repeat(4.25, rows).ToArray()),
            new NumericColumn("never seen", Enumerable.Repeat(double.NaN, rows).ToArray()),
            CategoricalColumn.FromValues("purpose", purpose, ["tv", "car", "retraining", "repairs"]),
        ], "purpose", "credit-ish");
    }

    /// <summary>The CSV writer's awkward columns, ARFF's own special characters, a nominal order that is not sorted and an unused category.</summary>
    public static Table Awkward(int rows, int seed)
    {
        string[] arff = ["it's", "50%", "{brace}", "back\\slash", "@data"];
        var special = Enumerable.Range(0, rows).Select(r => r % 6 == 5 ? null : arff[r % arff.Length]).ToArray();
        var grade = Enumerable.Range(0, rows).Select(r => r % 2 == 0 ? "z" : "a").ToArray();
        return new Table([
            .. CsvTableWriterTests.Sample(seed, rows).Columns,
            CategoricalColumn.FromValues("{arff}, 'quoted'", special, [.. arff]),
            CategoricalColumn.FromValues("grade", grade, ["z", "a", "unused"]),
        ], "grade", "awkward relation");
    }
}
