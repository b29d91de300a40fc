using System.Globalization;
using GanAugment.Data.Tables;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Observers;

/// <summary>
/// What a table model shows each epoch: <c>samples/epoch-NNN.csv</c>, a preview of generated rows
/// decoded to the input's columns (the same number per class, from fixed noise), and
/// <c>samples/epoch-NNN-columns.png</c>, per column the histogram of real against generated values.
/// </summary>
public sealed class TablePreviewObserver(RunDirectory run, TableData data, int every, int rows = 200) : ISampleObserver
{
    private const ulong PreviewSeed = 1907;
    private readonly List<string> _written = [];

    public IReadOnlyList<string> Written => _written;

    public void OnEpochEnd(GanModel model, EpochReport report)
    {
        var epoch = report.Epoch + 1;
        if (!report.IsAdversarial || every <= 0 || (epoch % every != 0 && epoch != report.Epochs)) return;
        var generated = Generate(model, data, rows);
        var csv = Path.Combine(run.SamplesDir, string.Create(CultureInfo.InvariantCulture, $"epoch-{epoch:D3}.csv"));
        Directory.CreateDirectory(run.SamplesDir);
        CsvTableWriter.Write(generated, csv);
        var png = Path.Combine(run.SamplesDir, string.Create(CultureInfo.InvariantCulture, $"epoch-{epoch:D3}-columns.png"));
        TableCharts.WriteHistograms(data.Table, generated, png, $"real vs generated, epoch {epoch}");
        _written.AddRange([csv, png]);
    }

    /// <summary><paramref name="count"/> generated rows decoded to the input's columns, as many per class as can be.</summary>
    public static Table Generate(GanModel model, TableData data, int count, ulong seed = PreviewSeed)
    {
        var spec = (TableSpec)model.Spec;
        var labels = spec.ClassCount > 0 ? Enumerable.Range(0, count).Select(i => i * spec.ClassCount / count).ToArray() : null;
        var samples = model.Sample(count, labels, new Rng(seed));
        return TableData.Decode(spec, samples.AsSpan(), labels);
    }
}
