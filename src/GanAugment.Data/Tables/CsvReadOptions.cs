namespace GanAugment.Data.Tables;

/// <summary>
/// How <see cref="CsvTableReader"/> reads a CSV file. Schema inference: a column is numeric
/// when every present value parses as an invariant-culture number, otherwise categorical;
/// <see cref="ForceCategorical"/> and <see cref="ForceNumeric"/> override that. The label column
/// is read as categorical unless it is listed in <see cref="ForceNumeric"/>.
/// </summary>
public sealed record CsvReadOptions
{
    /// <summary>Field separator; any character except a quote or a line break.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Whether the first record names the columns; without a header they are "col1", "col2", ...</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Physical lines skipped before the header or the first record (e.g. a title line).</summary>
    public int SkipLines { get; init; }

    /// <summary>Drop spaces and tabs around fields (quoted fields keep their inner spaces).</summary>
    public bool TrimWhitespace { get; init; } = true;

    /// <summary>
    /// Unquoted field texts that mean "missing". An empty field is always missing, quoted or
    /// not; other markers only count when unquoted, so a quoted "NA" is the category NA.
    /// </summary>
    public IReadOnlyCollection<string> MissingValues { get; init; } = ["", "?", "NA"];

    /// <summary>Name of the label column, or null for none.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>Columns read as categories even when every value is a number.</summary>
    public IReadOnlyCollection<string> ForceCategorical { get; init; } = [];

    /// <summary>Columns that must be numeric; a value that is not a number is an error naming its line.</summary>
    public IReadOnlyCollection<string> ForceNumeric { get; init; } = [];
}
