namespace GanAugment.Data.Tables.Encoding;

/// <summary>
/// Turns a <see cref="Table"/> into rows of floats for a GAN and back, as CTGAN's
/// DataTransformer does (Xu et al. 2019, https://arxiv.org/abs/1907.00503): categorical columns
/// become one-hot groups, numeric columns min-max scalars or mode-specific (α, mode one-hot)
/// pairs; missing values get their own slot so they survive the round trip. Every column,
/// the label included, is encoded in table order; <see cref="OutputSpans"/> tells a generator
/// which outputs take tanh and which take a softmax per group, and <see cref="Columns"/> where
/// each source column lives. <see cref="ToJson"/> and <see cref="FromJson"/> save and load the
/// fitted transformer, so that a trained model's samples can be decoded in a later process.
/// </summary>
/// <remarks>
/// <see cref="InverseTransform"/> is exact for categorical columns and within float precision
/// for numeric ones; integral columns are rounded back to whole numbers. Fitting and
/// transforming are deterministic for <see cref="TabularTransformerOptions.Seed"/>.
/// </remarks>
public sealed class TabularTransformer
{
    private readonly ColumnEncoder[] _encoders;
    private readonly TabularTransformerOptions _options;

    private TabularTransformer(ColumnEncoder[] encoders, string? labelName, string? tableName, TabularTransformerOptions options)
    {
        _encoders = encoders;
        _options = options;
        LabelName = labelName;
        TableName = tableName;
        var columns = new List<ColumnLayout>();
        var spans = new List<OutputSpan>();
        var offset = 0;
        for (var j = 0; j < encoders.Length; j++)
        {
            var e = encoders[j];
            var own = e.LocalSpans.Select(s => new OutputSpan(j, offset + s.Offset, s.Width, s.Kind)).ToArray();
            columns.Add(new ColumnLayout(e.Name, e.Encoding, offset, e.Width, own, e.Categories, e.ModeCount, e.HasMissingSlot));
            spans.AddRange(own);
            offset += e.Width;
        }
        Columns = columns;
        OutputSpans = spans;
        OutputWidth = offset;
    }

    /// <summary>Fits one encoder per column of <paramref name="table"/>.</summary>
    public static TabularTransformer Fit(Table table, TabularTransformerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new TabularTransformerOptions();
        var encoders = new ColumnEncoder[table.ColumnCount];
        for (var j = 0; j < encoders.Length; j++)
        {
            encoders[j] = table[j] switch
            {
                CategoricalColumn c => new OneHotEncoder(c),
                NumericColumn n when options.Numeric == NumericEncoding.MinMax => new MinMaxEncoder(n),
                NumericColumn n => ModeSpecificEncoder.Fit(n, options.Mixture, options.ModeSelection, ColumnSeed(options.Seed, j)),
                var other => throw new NotSupportedException($"column type {other.GetType().Name}"),
            };
        }
        return new TabularTransformer(encoders, table.LabelName, table.Name, options);
    }

    /// <summary>
    /// The fitted transformer as indented JSON: the options, the label and table names, and per
    /// column its encoding, categories, seen range, integral flag, missing slot and mixture.
    /// </summary>
    public string ToJson() => TabularTransformerJson.Write(new TabularTransformerState
    {
        Format = TabularTransformerJson.Format,
        TableName = TableName,
        LabelName = LabelName,
        Options = _options,
        Columns = _encoders.Select(e => e.ToState()).ToArray(),
    });

    /// <summary>
    /// Loads a transformer written by <see cref="ToJson"/>; it transforms and inverse-transforms
    /// with the same bits as the one saved. Bad JSON is a <see cref="DataFormatException"/> that
    /// names <paramref name="source"/> (pass the file's path when the JSON came from a file).
    /// </summary>
    public static TabularTransformer FromJson(string json, string source = "transformer JSON")
    {
        var state = TabularTransformerJson.Read(json, source);
        var encoders = state.Columns.Select(c => TabularTransformerJson.Encoder(c, state.Options.ModeSelection, source)).ToArray();
        var names = encoders.Select(e => e.Name).ToList();
        if (encoders.Length == 0) throw DataFormatException.At(source, "the transformer has no columns");
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            throw DataFormatException.At(source, "a column name is used twice");
        if (state.LabelName is not null && !names.Contains(state.LabelName))
            throw DataFormatException.At(source, $"label column '{ColumnInference.Shorten(state.LabelName)}' is not one of the columns");
        return new TabularTransformer(encoders, state.LabelName, state.TableName, state.Options);
    }

    /// <summary>Floats per encoded row.</summary>
    public int OutputWidth { get; }

    /// <summary>One layout per source column, in table order.</summary>
    public IReadOnlyList<ColumnLayout> Columns { get; }

    /// <summary>All spans of the encoded row in order; they tile [0, <see cref="OutputWidth"/>).</summary>
    public IReadOnlyList<OutputSpan> OutputSpans { get; }

    /// <summary>The label column of the fitted table, carried to <see cref="InverseTransform"/>'s result.</summary>
    public string? LabelName { get; }

    /// <summary>The fitted table's <see cref="Table.Name"/>, carried to <see cref="InverseTransform"/>'s result.</summary>
    public string? TableName { get; }

    /// <summary>The layout of the column called <paramref name="name"/>.</summary>
    public ColumnLayout Layout(string name) =>
        Columns.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"column '{name}' not found; columns are: {string.Join(", ", Columns.Select(c => c.Name))}");

    /// <summary>Encodes every row of <paramref name="table"/>: a row-major RowCount × <see cref="OutputWidth"/> array.</summary>
    public float[] Transform(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var data = new float[(long)table.RowCount * OutputWidth];
        Transform(table, data);
        return data;
    }

    /// <summary>Encodes into <paramref name="destination"/> (RowCount × <see cref="OutputWidth"/>, row-major).</summary>
    public void Transform(Table table, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (destination.Length != (long)table.RowCount * OutputWidth)
            throw new ArgumentException($"destination needs {table.RowCount} × {OutputWidth} floats, has {destination.Length}", nameof(destination));
        destination.Clear();
        var random = new Random(_options.Seed);
        var offset = 0;
        foreach (var e in _encoders)
        {
            var column = SourceColumn(table, e);
            e.Encode(column, destination, OutputWidth, offset, random);
            offset += e.Width;
        }
    }

    /// <summary>
    /// Decodes rows (row-major, a multiple of <see cref="OutputWidth"/> floats) back to a table
    /// with the fitted columns: each one-hot group is read by its largest entry, scalars are
    /// clipped to [-1, 1].
    /// </summary>
    public Table InverseTransform(ReadOnlySpan<float> data)
    {
        if (data.Length % OutputWidth != 0)
            throw new ArgumentException($"{data.Length} floats are not whole rows of {OutputWidth}", nameof(data));
        var rows = data.Length / OutputWidth;
        var columns = new Column[_encoders.Length];
        var offset = 0;
        for (var j = 0; j < columns.Length; j++)
        {
            columns[j] = _encoders[j].Decode(data, rows, OutputWidth, offset, _options.ClipToSeenRange);
            offset += _encoders[j].Width;
        }
        return new Table(columns, LabelName, TableName);
    }

    /// <summary>The fitted mixture of a mode-specific numeric column.</summary>
    public GaussianMixture Mixture(string name) =>
        _encoders.OfType<ModeSpecificEncoder>().FirstOrDefault(e => e.Name == name)?.Mixture
        ?? throw new KeyNotFoundException($"column '{name}' is not a mode-specific numeric column");

    private static Column SourceColumn(Table table, ColumnEncoder encoder)
    {
        var j = table.IndexOf(encoder.Name);
        if (j < 0)
            throw new DataFormatException($"column '{encoder.Name}' of the fitted table is missing; columns are: {table.DescribeNames()}");
        var column = table[j];
        if (column.Kind != encoder.SourceKind)
            throw new DataFormatException($"column '{encoder.Name}' is {column.Kind.ToString().ToLowerInvariant()} but was {encoder.SourceKind.ToString().ToLowerInvariant()} when the transformer was fitted");
        return column;
    }

    // NOTE: a fixed mixing of seed and column index (not HashCode, which varies per process).
    private static int ColumnSeed(int seed, int column) => unchecked(seed * 1_000_003 + column * 7_919 + 17);
}
