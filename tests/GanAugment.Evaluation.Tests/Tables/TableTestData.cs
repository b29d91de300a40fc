using GanAugment.Data.Tables;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Tests.Tables;

/// <summary>Small seeded tables for the table-evaluation tests: a numeric x, a categorical colour and a class that both predict.</summary>
internal static class TableTestData
{
    /// <summary><paramref name="rows"/> rows: class "a" (2 in 3) has x near 0 and mostly colour red, class "b" x near 4 and mostly blue.</summary>
    public static Table Make(int rows, ulong seed, double shift = 0)
    {
        var rng = new Rng(seed);
        var x = new double[rows];
        var colour = new string?[rows];
        var cls = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            var b = r % 3 == 2;
            x[r] = (b ? 4 : 0) + rng.NextDouble() + shift;
            colour[r] = (rng.NextDouble() < 0.9) == b ? "blue" : "red";
            cls[r] = b ? "b" : "a";
        }
        return new Table([new NumericColumn("x", x), CategoricalColumn.FromValues("colour", colour, ["red", "blue"]), CategoricalColumn.FromValues("class", cls, ["a", "b"])], "class");
    }
}
