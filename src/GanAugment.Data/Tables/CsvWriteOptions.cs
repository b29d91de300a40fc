namespace GanAugment.Data.Tables;

/// <summary>How <see cref="CsvTableWriter"/> writes a table.</summary>
public sealed record CsvWriteOptions
{
    /// <summary>Field separator; any character except a quote or a line break.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Whether to write the column names as the first line.</summary>
    public bool WriteHeader { get; init; } = true;

    /// <summary>
    /// Texts the reader would take as missing (<see cref="CsvReadOptions.MissingValues"/>);
    /// a category equal to one of them is quoted so that it reads back as a value.
    /// </summary>
    public IReadOnlyCollection<string> MissingValues { get; init; } = ["", "?", "NA"];
}
