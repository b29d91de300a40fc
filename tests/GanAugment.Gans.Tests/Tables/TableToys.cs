using GanAugment.Data.Tables;
using GanAugment.Gans.Models;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Tables;

/// <summary>Small tables and small table models for the table tests.</summary>
internal static class TableToys
{
    /// <summary>Narrow networks so a test trains in a second or two.</summary>
    public static readonly TableGanOptions Small = new()
    {
        LatentDim = 16, GeneratorWidth = 32, GeneratorDepth = 2, CriticWidth = 32, CriticDepth = 2, Pac = 4,
    };

    public static TableData Mixed() => new(Modalities.ModalityTests.MixedTable(), "label");

    public static TableWganGp Model(TableData data, TableGanOptions? options = null, ulong seed = 1) =>
        new((TableSpec)data.Spec, options ?? Small, new Rng(seed));

    public static TrainerOptions Quick(int epochs = 2, int batch = 8, int steps = 3, ulong seed = 13) =>
        new() { Epochs = epochs, BatchSize = batch, MaxStepsPerEpoch = steps, Seed = seed, SampleEvery = 0 };

    /// <summary>
    /// Two correlated numeric columns (y = x + 0.3·noise, ρ ≈ 0.96) and a rare class "fraud" (10 %)
    /// whose rows are mostly "red" (80 %), against 5 % red among "ok" rows.
    /// </summary>
    public static Table Correlated(int rows = 600, int seed = 3)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var (x, y) = (new double[rows], new double[rows]);
        var (colour, label) = (new string?[rows], new string?[rows]);
        for (var i = 0; i < rows; i++)
        {
            x[i] = Normal();
            y[i] = x[i] + 0.3 * Normal();
            var fraud = i % 10 == 0;
            label[i] = fraud ? "fraud" : "ok";
            colour[i] = random.NextDouble() < (fraud ? 0.8 : 0.05) ? "red" : random.NextDouble() < 0.5 ? "green" : "blue";
        }
        return new Table([new NumericColumn("x", x), CategoricalColumn.FromValues("colour", colour), new NumericColumn("y", y), CategoricalColumn.FromValues("label", label)], "label", "correlated");
    }

    public static double Correlation(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var (ma, mb) = (a.Average(), b.Average());
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Count; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.Sqrt(saa * sbb);
    }

    public static double Share(Table table, string column, string value)
    {
        var c = (CategoricalColumn)table[column];
        return Enumerable.Range(0, c.Count).Count(i => c[i] == value) / (double)c.Count;
    }
}
