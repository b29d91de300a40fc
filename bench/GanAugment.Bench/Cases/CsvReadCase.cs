using System.Globalization;
using System.Text;
using CsvHelper;
using GanAugment.Data.Tables;

namespace GanAugment.Bench.Cases;

/// <summary>
/// Reading a generated 100 MB CSV file (docs/CSV.md): GanAugment's tokenizer against CsvHelper 34,
/// both keeping every field of every record as a string, plus GanAugment's whole table read
/// (tokenize, then infer and parse the columns) for scale. The file is written once per process
/// (seeded: numbers, categories, and free text of which some fields are quoted with commas, doubled
/// quotes or line breaks; CRLF line ends) and deleted at exit. The first case's setup checks that
/// both readers give the same records and prints the counts to stderr.
/// </summary>
public sealed class CsvReadCase(string name, Func<string, int> read) : IBenchCase
{
    private const long TargetBytes = 100_000_000;

    private static readonly Lazy<string> File100Mb = new(Generate);

    public string Name { get; } = name;

    public double Flops => 0;

    public static IEnumerable<IBenchCase> All()
    {
        yield return new CsvReadCase("csv-read 100MB tokenize GanAugment", ReadOurs) { _check = true };
        yield return new CsvReadCase("csv-read 100MB tokenize CsvHelper", ReadCsvHelper);
        yield return new CsvReadCase("csv-read 100MB table GanAugment", path => CsvTableReader.Read(path).RowCount);
    }

    private bool _check;

    public void Setup()
    {
        var path = File100Mb.Value;
        if (!_check) return;
        var ours = CsvTokenizer.Tokenize(TextFile.Read(path), path, ',', trim: false);
        using var reader = CsvReader.FromFile(path, Options);
        long records = 0, fields = 0;
        while (reader.Read())
        {
            var mine = ours[(int)records].Fields;
            if (mine.Length != reader.FieldCount) throw new InvalidOperationException($"record {records + 1}: {mine.Length} fields here, {reader.FieldCount} in CsvHelper");
            for (var j = 0; j < mine.Length; j++)
                if (mine[j].Text != reader.GetString(j)) throw new InvalidOperationException($"record {records + 1} field {j + 1}: '{mine[j].Text}' here, '{reader.GetString(j)}' in CsvHelper");
            records++;
            fields += mine.Length;
        }
        if (records != ours.Count) throw new InvalidOperationException($"{ours.Count} records here, {records} in CsvHelper");
        Console.Error.WriteLine($"csv-read: {new FileInfo(path).Length} bytes, {records} records, {fields} fields, the same in both readers");
    }

    public void Run()
    {
        if (read(File100Mb.Value) == 0) throw new InvalidOperationException("no records read");
    }

    private static readonly CsvReaderOptions Options = new() { Separator = ',', HasHeader = false, TrimWhitespace = false, MalformedData = CsvMalformedDataHandling.Throw };

    private static int ReadOurs(string path) => CsvTokenizer.Tokenize(TextFile.Read(path), path, ',', trim: false).Count;

    private static int ReadCsvHelper(string path)
    {
        using var reader = CsvReader.FromFile(path, Options);
        var records = new List<string[]>();
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var j = 0; j < fields.Length; j++) fields[j] = reader.GetString(j);
            records.Add(fields);
        }
        return records.Count;
    }

    private static string Generate()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ganaug-bench-csv-{Environment.ProcessId}.csv");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        var rng = new Random(1);
        string[] colours = ["red", "green", "blue", "light grey", "dark, deep purple"];
        string[] words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"];
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) { NewLine = "\r\n" };
        writer.WriteLine("id,x,y,count,colour,note,label");
        var row = 0;
        while (writer.BaseStream.Position < TargetBytes)
        {
            var note = string.Join(' ', Enumerable.Range(0, rng.Next(1, 5)).Select(_ => words[rng.Next(words.Length)]));
            var roll = rng.Next(100);
            if (roll < 10) note += ", and more";
            else if (roll < 12) note = $"he said \"{note}\"";
            else if (roll < 13) note += "\r\nsecond line";
            var colour = colours[rng.Next(colours.Length)];
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{row},{rng.NextDouble() * 100 - 50:R},{rng.NextDouble():R},{rng.Next(1000)},"));
            writer.Write(Quote(colour));
            writer.Write(',');
            writer.Write(Quote(note));
            writer.WriteLine(rng.Next(10) == 0 ? ",bad" : ",good");
            row++;
        }
        return path;
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
