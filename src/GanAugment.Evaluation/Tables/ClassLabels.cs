using GanAugment.Data.Tables;

namespace GanAugment.Evaluation.Tables;

/// <summary>The target column's classes, by name, shared by the real and synthetic tables of one evaluation.</summary>
public sealed class ClassLabels(IReadOnlyList<string> names)
{
    public IReadOnlyList<string> Names { get; } = names.Count >= 2 ? names : throw new ArgumentException($"the target needs at least two classes, got {names.Count}");

    public int Count => Names.Count;

    /// <summary>The classes of the real table's target column (its declared categories, in order).</summary>
    public static ClassLabels Of(Table table, string target) => new(Target(table, target, "real").Categories);

    /// <summary>The class index of every row of <paramref name="table"/>; a missing or unknown class is an error naming the row.</summary>
    public int[] Of(Table table, string target, string what)
    {
        var column = Target(table, target, what);
        var labels = new int[column.Count];
        for (var r = 0; r < labels.Length; r++)
        {
            var name = column[r] ?? throw new ArgumentException($"the {what} table's target '{target}' is missing in row {r + 1}");
            labels[r] = Names.ToList().IndexOf(name) is var c and >= 0 ? c
                : throw new ArgumentException($"the {what} table's row {r + 1} has class '{name}', which is not a class of the real table ({string.Join(", ", Names)})");
        }
        return labels;
    }

    private static CategoricalColumn Target(Table table, string target, string what)
    {
        if (!table.Contains(target)) throw new ArgumentException($"the {what} table has no target column '{target}'; columns are: {table.DescribeNames()}");
        return table[target] as CategoricalColumn ?? throw new ArgumentException($"the {what} table's target '{target}' is numeric; the target must be a categorical column");
    }
}
