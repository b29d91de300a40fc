namespace GanAugment.Data.TimeSeries;

/// <summary>
/// How <see cref="SequenceCsvWriter"/> writes sequences. Read the file back with the same
/// delimiter and column names in <see cref="LongSequenceCsvOptions"/> or
/// <see cref="WideSequenceCsvOptions"/>.
/// </summary>
public sealed record SequenceCsvWriteOptions
{
    /// <summary>Field separator; any character except a quote or a line break.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Long form: the column holding each row's sequence number (0, 1, ...).</summary>
    public string IdColumn { get; init; } = "id";

    /// <summary>Long form: the column holding each row's step number (0, 1, ...).</summary>
    public string TimeColumn { get; init; } = "time";

    /// <summary>The column holding each sequence's class name (written only for labelled sequences).</summary>
    public string LabelColumn { get; init; } = "label";
}
