namespace GanAugment.Data.TimeSeries;

/// <summary>
/// How <see cref="SequenceCsvReader.ReadLong"/> reads a CSV with one step per row: rows with the
/// same id form a sequence (in order of first appearance), ordered by the time column when given
/// and by file order otherwise.
/// </summary>
public sealed record LongSequenceCsvOptions
{
    public char Delimiter { get; init; } = ',';

    public bool HasHeader { get; init; } = true;

    public int SkipLines { get; init; }

    public bool TrimWhitespace { get; init; } = true;

    public IReadOnlyCollection<string> MissingValues { get; init; } = ["", "?", "NA"];

    /// <summary>Column naming the sequence of each row, or null when the file is a single sequence.</summary>
    public string? IdColumn { get; init; }

    /// <summary>Column to order steps by (numbers, or text such as ISO dates compared ordinally), or null for file order.</summary>
    public string? TimeColumn { get; init; }

    /// <summary>Feature columns, or null for every column that is not the id, time, label or a static attribute.</summary>
    public IReadOnlyList<string>? ValueColumns { get; init; }

    /// <summary>Column holding the class, which must be the same on every row of a sequence.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>
    /// Columns holding each sequence's static attributes, which become
    /// <see cref="SequenceDataset.Attributes"/> in this order: numbers that, like the label, must be
    /// the same on every row of a sequence. None by default; never value columns.
    /// </summary>
    public IReadOnlyList<string> AttributeColumns { get; init; } = [];

    public RaggedSequences Ragged { get; init; } = RaggedSequences.Reject;

    public float PadValue { get; init; }

    /// <summary>Largest N·T·F allowed after padding, so one very long sequence cannot exhaust memory.</summary>
    public long MaxPaddedValues { get; init; } = 100_000_000;
}
