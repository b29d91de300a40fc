namespace GanAugment.Data.Tables.Encoding;

/// <summary>A categorical column as one softmax group: one slot per category, then a "missing" slot when needed.</summary>
internal sealed class OneHotEncoder : ColumnEncoder
{
    private readonly string[] _categories;
    private readonly Dictionary<string, int> _index;

    public OneHotEncoder(CategoricalColumn column) : this(column.Name, column.MissingCount() > 0, [.. column.Categories])
    {
    }

    /// <summary>An encoder of <paramref name="categories"/> (distinct, non-empty), as fitted before.</summary>
    public OneHotEncoder(string name, bool hasMissingSlot, string[] categories) : base(name, hasMissingSlot)
    {
        _categories = categories;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _categories.Length; i++)
        {
            if (string.IsNullOrEmpty(_categories[i])) throw new ArgumentException("a category is null or empty");
            if (!_index.TryAdd(_categories[i], i)) throw new ArgumentException($"category '{ColumnInference.Shorten(_categories[i])}' is listed twice");
        }
    }

    public override ColumnKind SourceKind => ColumnKind.Categorical;

    public override ColumnEncodingKind Encoding => ColumnEncodingKind.OneHot;

    public override int Width => _categories.Length + (HasMissingSlot ? 1 : 0);

    public override IReadOnlyList<(int Offset, int Width, OutputSpanKind Kind)> LocalSpans => [(0, Width, OutputSpanKind.SoftmaxGroup)];

    public override IReadOnlyList<string> Categories => _categories;

    public override ColumnEncoderState ToState() => BaseState() with { Categories = _categories };

    public override void Encode(Column column, Span<float> data, int stride, int offset, Random random)
    {
        var c = (CategoricalColumn)column;
        // Map the column's own category list onto the fitted one (they may differ in order).
        var map = c.Categories.Select(cat => _index.TryGetValue(cat, out var i) ? i : -1).ToArray();
        var codes = c.CodesSpan();
        for (var r = 0; r < codes.Length; r++)
        {
            int slot;
            if (codes[r] < 0) slot = HasMissingSlot ? _categories.Length : throw MissingNotFitted();
            else if ((slot = map[codes[r]]) < 0)
                throw new DataFormatException($"column '{Name}': category '{ColumnInference.Shorten(c.Categories[codes[r]])}' was not seen when the transformer was fitted");
            data[r * stride + offset + slot] = 1f;
        }
    }

    public override Column Decode(ReadOnlySpan<float> data, int rows, int stride, int offset, bool clip)
    {
        var codes = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            var slot = ArgMax(data.Slice(r * stride + offset, Width));
            codes[r] = slot < _categories.Length ? slot : -1;
        }
        return new CategoricalColumn(Name, _categories, codes);
    }
}
