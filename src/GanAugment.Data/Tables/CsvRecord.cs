namespace GanAugment.Data.Tables;

/// <summary>One field of a CSV record; <see cref="Quoted"/> says whether it was written in quotes.</summary>
internal readonly record struct CsvField(string Text, bool Quoted);

/// <summary>One CSV record (a row) and the 1-based line on which it starts.</summary>
internal readonly record struct CsvRecord(long Line, CsvField[] Fields);
