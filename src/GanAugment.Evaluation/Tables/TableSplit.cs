using GanAugment.Data.Tables;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Tables;

/// <summary>A seeded stratified train/test split of a table by its target column.</summary>
public static class TableSplit
{
    /// <summary>Per class, a seeded shuffle of its rows, round(share·n) of them to the test table and the rest to the training table.</summary>
    public static (Table Train, Table Test) Stratified(Table table, string target, double testShare, ulong seed)
    {
        if (!(testShare > 0 && testShare < 1)) throw new ArgumentException($"the test share must be in (0, 1), got {testShare}");
        var labels = ClassLabels.Of(table, target).Of(table, target, "input");
        var rng = new Rng(seed);
        var (train, test) = (new List<int>(), new List<int>());
        foreach (var c in labels.Distinct().Order())
        {
            var members = Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).ToArray();
            var order = rng.Permutation(members.Length);
            var n = (int)Math.Round(testShare * members.Length);
            for (var j = 0; j < members.Length; j++) (j < n ? test : train).Add(members[order[j]]);
        }
        train.Sort();
        test.Sort();
        return (table.SelectRows(train), table.SelectRows(test));
    }
}
