namespace GanAugment.Data.TimeSeries;

/// <summary>
/// How <see cref="SequenceCsvReader.ReadWide"/> reads a CSV with one sequence per row: every
/// column that is not the label, a static attribute or ignored is a value, in order step 0
/// feature 0, step 0 feature 1, ..., step 1 feature 0, ... A shorter sequence leaves its last
/// cells empty.
/// </summary>
public sealed record WideSequenceCsvOptions
{
    public char Delimiter { get; init; } = ',';

    public bool HasHeader { get; init; } = true;

    public int SkipLines { get; init; }

    public bool TrimWhitespace { get; init; } = true;

    /// <summary>Unquoted texts meaning "no value" (an empty field always does).</summary>
    public IReadOnlyCollection<string> MissingValues { get; init; } = ["", "?", "NA"];

    /// <summary>Column holding each sequence's class, or null for unlabelled sequences.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>
    /// Columns holding each sequence's static attributes (numbers that do not change over its
    /// steps), which become <see cref="SequenceDataset.Attributes"/> in this order; none by default.
    /// </summary>
    public IReadOnlyList<string> AttributeColumns { get; init; } = [];

    /// <summary>Columns that are neither label, attributes nor values (ids, dates).</summary>
    public IReadOnlyCollection<string> IgnoreColumns { get; init; } = [];

    /// <summary>F, the number of features per step.</summary>
    public int FeaturesPerStep { get; init; } = 1;

    public RaggedSequences Ragged { get; init; } = RaggedSequences.Reject;

    public float PadValue { get; init; }
}
