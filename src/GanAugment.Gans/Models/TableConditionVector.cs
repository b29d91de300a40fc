using GanAugment.Data.Tables;
using GanAugment.Data.Tables.Encoding;
using GanAugment.NN;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// Samples of a table model asked for a class and, optionally, one category of each of some other
/// discrete columns (<c>--where column=category</c>, repeatable): the class is the generator's
/// condition (the target is then written from it), and each category is set in CTGAN's
/// conditional vector.
/// </summary>
public sealed record TableCondition(int[] Labels, IReadOnlyList<(string Column, string Category)>? Where = null) : Condition
{
    public override int? Count => Labels.Length;
}

/// <summary>One discrete column of the conditional vector: its block in the encoded row and in the vector.</summary>
/// <param name="Categories">Slot names in order (the column's categories, then "(missing)" when it has missing values).</param>
public sealed record DiscreteSlot(string Column, int RowOffset, int VectorOffset, IReadOnlyList<string> Categories)
{
    public int Width => Categories.Count;
}

/// <summary>
/// A draw of training-by-sampling: per slot, the real row that satisfies the condition, its class,
/// and the set position of the conditional vector (−1 when the slot conditions on the class only).
/// </summary>
public sealed record TableDraw(int[] Rows, int[] Labels, int[] Options)
{
    public int Count => Rows.Length;
}

/// <summary>
/// CTGAN's conditional vector with training-by-sampling (Xu et al. 2019,
/// https://arxiv.org/abs/1907.00503, §4.3): one one-hot block per discrete column; per row one
/// column is picked uniformly, one of its categories with probability ∝ log(1 + count), a real row
/// with that category, and the vector's bit for it is set. Here the class (the target column, or
/// "any row" for an unlabelled table) is one more choice beside the discrete columns, with the
/// same log-frequency rule, and sets no bit: the generator so also learns rows of each class with
/// an empty vector, which is what it is given when a sample names no category.
/// </summary>
public sealed class TableConditionVector
{
    private readonly int _classes;

    public TableConditionVector(TableSpec spec)
    {
        var transformer = TabularTransformer.FromJson(spec.Transformer, "the model's table spec");
        var slots = new List<DiscreteSlot>();
        var offset = 0;
        foreach (var c in transformer.Columns.Where(c => c.Kind == ColumnKind.Categorical))
        {
            IReadOnlyList<string> names = c.HasMissingSlot ? [.. c.Categories, "(missing)"] : c.Categories;
            slots.Add(new DiscreteSlot(c.Name, c.Offset, offset, names));
            offset += names.Count;
        }
        Slots = slots;
        Width = offset;
        _classes = spec.ClassCount;
    }

    public IReadOnlyList<DiscreteSlot> Slots { get; }

    /// <summary>Floats of the vector (Σ categories of the discrete columns).</summary>
    public int Width { get; }

    /// <summary>The vector's position of <paramref name="category"/> of <paramref name="column"/>, or a one-line error.</summary>
    public int Index(string column, string category)
    {
        var slot = Slots.FirstOrDefault(s => s.Column == column)
            ?? throw new ArgumentException($"'{column}' is not a discrete column of the table; discrete columns: {string.Join(", ", Slots.Select(s => s.Column))}");
        var k = slot.Categories.ToList().IndexOf(category);
        return k >= 0 ? slot.VectorOffset + k
            : throw new ArgumentException($"column '{column}' has no category '{category}'; its categories: {string.Join(", ", slot.Categories)}");
    }

    /// <summary>The slot holding vector position <paramref name="option"/>.</summary>
    public DiscreteSlot SlotOf(int option) => Slots.Last(s => s.VectorOffset <= option);

    /// <summary>
    /// The vector positions of <paramref name="where"/>: one category of each named column, or a
    /// one-line error for an unknown column or category, or a column named twice.
    /// </summary>
    public int[] Indices(IReadOnlyList<(string Column, string Category)> where)
    {
        var options = where.Select(w => Index(w.Column, w.Category)).ToArray();
        var twice = where.GroupBy(w => w.Column).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? options : throw new ArgumentException($"column '{twice.Key}' is conditioned twice; give one category per column");
    }

    /// <summary>Vectors [N, <see cref="Width"/>] with the bits at <paramref name="options"/> set in every row.</summary>
    public Tensor Encode(int count, IReadOnlyList<int> options)
    {
        var t = Tensor.Zeros(count, Width);
        var v = t.AsSpan();
        for (var i = 0; i < count; i++)
            foreach (var option in options) v[i * Width + option] = 1f;
        return t;
    }

    /// <summary>Vectors [N, <see cref="Width"/>], one bit set per row at <paramref name="options"/> (none for −1).</summary>
    public Tensor Encode(int[] options)
    {
        var t = Tensor.Zeros(options.Length, Width);
        var v = t.AsSpan();
        for (var i = 0; i < options.Length; i++)
            if (options[i] >= 0) v[i * Width + options[i]] = 1f;
        return t;
    }

    /// <summary>
    /// <paramref name="count"/> conditions drawn by training-by-sampling from the rows of
    /// <paramref name="real"/> (encoded rows hold exact one-hot blocks), with real rows that meet them.
    /// </summary>
    /// <remarks>
    /// NOTE: CTGAN counts categories over the whole table and picks the real row from it; a model
    /// here sees the trainer's shuffled batch, so counts and rows come from that batch (at CTGAN's
    /// batch of 500 the log-counts differ little). A category absent from a batch is not drawn in
    /// that step; a rare one is drawn far more often than its share, rows repeating in the batch.
    /// </remarks>
    public TableDraw Draw(RealBatch real, int count, Rng rng)
    {
        var groups = new List<int>[Slots.Count + 1][];
        groups[0] = Group(real.Labels ?? new int[real.Count], Math.Max(1, _classes));
        for (var d = 0; d < Slots.Count; d++) groups[d + 1] = Group(Codes(real.X, Slots[d]), Slots[d].Width);
        var (rows, labels, options) = (new int[count], new int[count], new int[count]);
        for (var i = 0; i < count; i++)
        {
            var choice = rng.NextInt(groups.Length);
            var k = LogFrequency(groups[choice], rng);
            var members = groups[choice][k];
            rows[i] = members[rng.NextInt(members.Count)];
            labels[i] = real.Labels?[rows[i]] ?? 0;
            options[i] = choice == 0 ? -1 : Slots[choice - 1].VectorOffset + k;
        }
        return new TableDraw(rows, labels, options);
    }

    /// <summary>
    /// CTGAN's <c>cond_loss</c>: Σ over conditioned rows of the cross-entropy of the generator's
    /// logits of the conditioned column against the asked category, divided by all N rows.
    /// </summary>
    public Tensor Penalty(Tensor logits, int[] options)
    {
        var total = Tensor.Scalar(0f);
        foreach (var slot in Slots)
        {
            var rows = new List<int>();
            var targets = new List<int>();
            for (var i = 0; i < options.Length; i++)
                if (options[i] >= slot.VectorOffset && options[i] < slot.VectorOffset + slot.Width)
                {
                    rows.Add(i);
                    targets.Add(options[i] - slot.VectorOffset);
                }
            if (rows.Count == 0) continue;
            var block = logits.IndexSelect(0, [.. rows]).Narrow(1, slot.RowOffset, slot.Width);
            total = total + Losses.CrossEntropy(block, [.. targets], reduction: Reduction.Sum);
        }
        return total / options.Length;
    }

    /// <summary>The category index of each encoded row in <paramref name="slot"/> (the hot position).</summary>
    private static int[] Codes(Tensor x, DiscreteSlot slot)
    {
        var (n, width) = (x.Size(0), x.Size(1));
        var v = x.AsSpan();
        var codes = new int[n];
        for (var i = 0; i < n; i++)
        {
            var block = v.Slice(i * width + slot.RowOffset, slot.Width);
            var best = 0;
            for (var k = 1; k < block.Length; k++)
                if (block[k] > block[best]) best = k;
            codes[i] = best;
        }
        return codes;
    }

    private static List<int>[] Group(int[] codes, int categories)
    {
        var groups = new List<int>[categories];
        for (var k = 0; k < categories; k++) groups[k] = [];
        for (var i = 0; i < codes.Length; i++) groups[codes[i]].Add(i);
        return groups;
    }

    /// <summary>A category with probability ∝ log(1 + its count); absent categories weigh log 1 = 0.</summary>
    private static int LogFrequency(List<int>[] groups, Rng rng)
    {
        var total = groups.Sum(g => Math.Log(1 + g.Count));
        var u = rng.NextDouble() * total;
        var last = 0;
        for (var k = 0; k < groups.Length; k++)
        {
            if (groups[k].Count == 0) continue;
            last = k;
            u -= Math.Log(1 + groups[k].Count);
            if (u < 0) return k;
        }
        return last;
    }
}
