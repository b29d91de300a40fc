using System.Globalization;
using GanAugment.Data.Writers.Charts;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// For an RGAN/RCGAN conditioned on static attributes, what each attribute does: at the end of a
/// finished run, <c>attribute_sweep_&lt;attribute&gt;.png</c> has one row per class (one row
/// unconditioned) and one column per value of the attribute, from its training minimum to its
/// maximum in <c>points</c> even steps; every cell overlays the series of the same few noise
/// draws, with the other attributes at those of one real series of the class. All cells share one
/// y-axis, so changes of level and amplitude show. Models without attributes are ignored.
/// </summary>
public sealed class RcganAttributeSweep(RunDirectory run, int points = 5, int draws = 3) : ITrainingObserver
{
    public List<string> Written { get; } = [];

    public void OnEnd(GanModel model, TrainingOutcome outcome)
    {
        if (outcome.Cancelled || model is not Rcgan { Attributes: { } attributes } rcgan) return;
        foreach (var name in attributes.Names)
        {
            var path = run.File($"attribute_sweep_{RcganLatentWalk.FileSafe(name)}.png");
            Write(rcgan, name, path, points, draws);
            Written.Add(path);
        }
    }

    /// <summary>Draws the sweep of attribute <paramref name="name"/> to <paramref name="path"/> (noise and the other attributes from a fixed seed).</summary>
    public static void Write(Rcgan model, string name, string path, int points = 5, int draws = 3)
    {
        var attributes = model.Attributes ?? throw new ArgumentException($"{model.Name} has no static attributes to sweep");
        if (points < 2 || draws < 1) throw new ArgumentOutOfRangeException(nameof(points), "a sweep needs at least 2 points and 1 draw");
        var k = attributes.IndexOf(name);
        var spec = model.Sequences;
        var classes = model.TakesLabels ? spec.ClassCount : 1;
        var rng = new Rng(0);
        var noise = model.DrawInputs(draws, rng, new SeriesCondition(new int[draws], Tensor.Zeros(draws, attributes.Count))).Noise;
        var cells = new List<(int Class, double Value, float[] Series)>();
        for (var c = 0; c < classes; c++)
        {
            var one = attributes.Unscale(attributes.Draw(1, model.TakesLabels ? [c] : null, rng));
            for (var p = 0; p < points; p++)
            {
                var value = attributes.Min[k] + (attributes.Max[k] - attributes.Min[k]) * p / (points - 1.0);
                var vector = (float[])one.Clone();
                vector[k] = (float)value;
                var labels = Enumerable.Repeat(c, draws).ToArray();
                var condition = new SeriesCondition(labels, attributes.Scale([.. Enumerable.Range(0, draws).SelectMany(_ => vector)]));
                var decoded = SequenceData.Decode(spec, model.SampleFrom(noise, condition).AsSpan(), model.TakesLabels ? labels : null, model.Range);
                cells.Add((c, value, decoded.Values));
            }
        }
        var range = (Min: (double)cells.Min(s => s.Series.Min()), Max: (double)cells.Max(s => s.Series.Max()));
        var steps = Enumerable.Range(0, spec.Length).Select(t => (double)t).ToArray();
        var charts = cells.Select(cell =>
        {
            var lines = Enumerable.Range(0, draws).SelectMany(i => Enumerable.Range(0, spec.Features).Select(f => new LineSeries($"{i + 1}", steps,
                [.. Enumerable.Range(0, spec.Length).Select(t => (double)cell.Series[(i * spec.Length + t) * spec.Features + f])]))).ToList();
            var title = string.Create(CultureInfo.InvariantCulture, $"{(model.TakesLabels ? spec.ClassNames[cell.Class] + ", " : "")}{name}={cell.Value:0.###}");
            return RcganLatentWalk.Cell(title, lines, range);
        }).ToList();
        ChartGrid.Save(path, charts, columns: points);
    }
}
