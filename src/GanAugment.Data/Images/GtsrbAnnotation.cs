using System.Globalization;

namespace GanAugment.Data.Images;

/// <summary>
/// One line of a GTSRB annotation file (<c>GT-00000.csv</c>, <c>GT-final_test.csv</c>):
/// <c>Filename;Width;Height;Roi.X1;Roi.Y1;Roi.X2;Roi.Y2;ClassId</c>, the region of interest
/// given by inclusive pixel corners. <see cref="ClassId"/> is null in files without that column.
/// </summary>
public sealed record GtsrbAnnotation(string Filename, int Width, int Height, int X1, int Y1, int X2, int Y2, int? ClassId, int Line)
{
    private static readonly string[] Columns = ["Filename", "Width", "Height", "Roi.X1", "Roi.Y1", "Roi.X2", "Roi.Y2"];

    /// <summary>Reads an annotation file; <paramref name="requireClassId"/> makes the ClassId column mandatory.</summary>
    /// <exception cref="DataFormatException">Bad header, field count, number or region, naming the file and line.</exception>
    public static IReadOnlyList<GtsrbAnnotation> ReadAll(string path, bool requireClassId)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DataFormatException.At(path, $"cannot read the file ({e.Message})");
        }
        if (lines.Length == 0) throw DataFormatException.At(path, "annotation file is empty", line: 1);
        var header = lines[0].Trim().Split(';');
        var index = Columns.Select(c => Array.IndexOf(header, c)).ToArray();
        var missing = Columns.Where((_, i) => index[i] < 0).ToArray();
        if (missing.Length > 0) throw DataFormatException.At(path, $"header lacks column(s) {string.Join(", ", missing)}", line: 1);
        var classColumn = Array.IndexOf(header, "ClassId");
        if (requireClassId && classColumn < 0) throw DataFormatException.At(path, "header lacks column ClassId", line: 1);

        var rows = new List<GtsrbAnnotation>();
        for (var n = 1; n < lines.Length; n++)
        {
            var text = lines[n].Trim();
            if (text.Length == 0) continue;
            var line = n + 1;
            var fields = text.Split(';');
            if (fields.Length != header.Length)
                throw DataFormatException.At(path, $"{fields.Length} fields, the header has {header.Length}", line: line);
            var file = fields[index[0]];
            if (file.Length == 0 || Path.GetFileName(file) != file || file is "." or "..")
                throw DataFormatException.At(path, $"file name '{file}' is not a plain file name", line: line);
            int Field(int column, string name) =>
                int.TryParse(fields[column], NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                    ? v
                    : throw DataFormatException.At(path, $"{name} '{fields[column]}' is not a non-negative integer", line: line);
            var row = new GtsrbAnnotation(file, Field(index[1], "Width"), Field(index[2], "Height"),
                Field(index[3], "Roi.X1"), Field(index[4], "Roi.Y1"), Field(index[5], "Roi.X2"), Field(index[6], "Roi.Y2"),
                classColumn >= 0 ? Field(classColumn, "ClassId") : null, line);
            if (row.X1 > row.X2 || row.Y1 > row.Y2 || row.X2 >= row.Width || row.Y2 >= row.Height)
                throw DataFormatException.At(path,
                    $"region ({row.X1},{row.Y1})-({row.X2},{row.Y2}) is not inside the {row.Width}x{row.Height} image", line: line);
            rows.Add(row);
        }
        return rows;
    }
}
