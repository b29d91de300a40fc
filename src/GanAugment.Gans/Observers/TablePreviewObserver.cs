using GanAugment.Data.Tables;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Observers;

/// <summary>
/// What a table model shows each epoch: <c>samples/epoch-NNN.csv</c>, a preview of generated rows
/// decoded to the input's columns (the same number per class, from fixed noise), and
/// <c>samples/epoch-NNN-columns.png</c>, per column the histogram of real against generated values.
/// </summary>
public sealed class TablePreviewObserver(RunDirectory run, TableData data, int every, int rows = 200) : EpochSampleObserver(run, every)
{
    private const ulong PreviewSeed = 1907;

    protected override IEnumerable<string> WriteEpoch(GanModel model, int epoch)
    {
        var generated = Generate(model, data, rows);
        var csv = SamplePath(epoch, ".csv");
        Directory.CreateDirectory(Run.SamplesDir);
        CsvTableWriter.Write(generated, csv);
        var png = SamplePath(epoch, "-columns.png");
        // NOTE: decoded rows give discretized numeric columns back as numbers, so the real table is compared in the same kinds.
        var real = DiscreteColumns.Restore(data.Table, ((TableSpec)data.Spec).Discretized);
        TableCharts.WriteHistograms(real, generated, png, $"real vs generated, epoch {epoch}");
        return [csv, png];
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
