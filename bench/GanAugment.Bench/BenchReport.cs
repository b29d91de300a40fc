using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GanAugment.Bench;

/// <summary>Prints results as a human table or as one JSON object per line.</summary>
public sealed class BenchReport(TextWriter output, bool json)
{
    private bool _headerWritten;

    public void Write(BenchResult result)
    {
        if (json)
        {
            WriteJson(result);
            return;
        }

        if (!_headerWritten)
        {
            output.WriteLine($"{"case",-48} {"median ms",10} {"min ms",10} {"max ms",10} {"GFLOP/s",9} {"thr",4} {"other cpu",9} {"cpu ms",10}");
            _headerWritten = true;
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{result.Name,-48} {result.MedianMs,10:F4} {result.MinMs,10:F4} {result.MaxMs,10:F4} {result.Gflops,9:F1} {result.Threads,4} {result.ForeignCpus,9:F2} {result.CpuMs,10:F4}"));
    }

    /// <summary>Writes one JSON object, filled by <paramref name="fields"/>, as one line (names such as "1→32" kept readable).</summary>
    public static void WriteJsonLine(TextWriter output, Action<Utf8JsonWriter> fields)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            fields(writer);
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private void WriteJson(BenchResult result) => WriteJsonLine(output, writer =>
    {
        writer.WriteString("name", result.Name);
        writer.WriteNumber("median_ms", Math.Round(result.MedianMs, 5));
        writer.WriteNumber("min_ms", Math.Round(result.MinMs, 5));
        writer.WriteNumber("max_ms", Math.Round(result.MaxMs, 5));
        writer.WriteNumber("gflops", Math.Round(result.Gflops, 2));
        writer.WriteNumber("threads", result.Threads);
        writer.WriteNumber("runs", result.Runs);
        WriteNumberOrNull(writer, "other_cpu", result.ForeignCpus, 3);
        WriteNumberOrNull(writer, "cpu_ms", result.CpuMs, 5);
        WriteNumberOrNull(writer, $"alloc_bytes_per_{result.Unit}", Math.Round(result.AllocBytesPerRun), 0);
        WriteNumberOrNull(writer, "gc_share", result.GcShare, 5);
    });

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, double value, int digits)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, Math.Round(value, digits));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
