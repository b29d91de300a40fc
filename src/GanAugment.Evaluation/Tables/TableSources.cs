using GanAugment.Data.Tables;
using GanAugment.Evaluation.Baselines;
using GanAugment.Gans;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Tables;

/// <summary>Where the extra rows of a class come from in the table imbalance protocol.</summary>
public interface ITableSource
{
    string Description { get; }

    /// <summary><paramref name="count"/> new rows of class <paramref name="className"/>, in the training table's columns (the target included).</summary>
    Table Generate(string className, int count, Rng rng);
}

/// <summary>Random oversampling: copies of rows of the class drawn with replacement.</summary>
public sealed class RandomOversampling(Table train, string target) : ITableSource
{
    public string Description => "random oversampling (copies drawn with replacement)";

    public Table Generate(string className, int count, Rng rng)
    {
        var members = TableSources.Members(train, target, className);
        return train.SelectRows([.. Enumerable.Range(0, count).Select(_ => members[rng.NextInt(members.Length)])]);
    }
}

/// <summary>SMOTE-NC within the class (the target column, constant there, is left out of the distances).</summary>
public sealed class SmoteNcSource(Table train, string target, int neighbours = Smote.DefaultNeighbours) : ITableSource
{
    public string Description => $"SMOTE-NC (k={neighbours})";

    public Table Generate(string className, int count, Rng rng)
    {
        var members = train.SelectRows(TableSources.Members(train, target, className));
        var features = new Table([.. members.Columns.Where(c => c.Name != target)]);
        var rows = SmoteNc.Oversample(features, count, rng, neighbours);
        var label = (CategoricalColumn)members[target];
        var labels = new CategoricalColumn(target, label.Categories, [.. Enumerable.Repeat(label.Categories.ToList().IndexOf(className), count)]);
        return new Table([.. train.Columns.Select(c => c.Name == target ? labels : rows[c.Name])], target, train.Name);
    }
}

/// <summary>A conditional table model of the zoo, trained on the imbalanced table: rows sampled with the class as the condition.</summary>
public sealed class TableModelSource(GanModel model) : ITableSource
{
    public string Description => $"{model.Name} (rows sampled with the class as condition)";

    public Table Generate(string className, int count, Rng rng)
    {
        var spec = (TableSpec)model.Spec;
        var c = spec.ClassNames.ToList().IndexOf(className);
        if (c < 0) throw new ArgumentException($"'{className}' is not a class of {model.Name}'s table ({string.Join(", ", spec.ClassNames)})");
        var labels = Enumerable.Repeat(c, count).ToArray();
        return TableData.Decode(spec, model.Sample(count, labels, rng).AsSpan(), labels);
    }
}

internal static class TableSources
{
    /// <summary>The rows of <paramref name="table"/> whose target is <paramref name="className"/>.</summary>
    public static int[] Members(Table table, string target, string className)
    {
        var column = (CategoricalColumn)table[target];
        var members = Enumerable.Range(0, column.Count).Where(r => column[r] == className).ToArray();
        return members.Length > 0 ? members : throw new ArgumentException($"class '{className}' has no rows to oversample");
    }
}
