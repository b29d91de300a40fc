using System.Globalization;
using GanAugment.Data.Images;
using GanAugment.Data.Writers.Charts;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// The seed's latent walk (its Figure 14) for an RGAN/RCGAN with latent=fixed and latent-dim=2:
/// with the class fixed, a regular P×P lattice of latent points z = (z₁, z₂) in [−e, e]² (z₁
/// left to right, z₂ top to bottom from +e) is decoded into series, one small line plot per point,
/// all on one y-axis so amplitudes compare. At the end of a finished run it writes
/// <c>latent_walk_&lt;class&gt;.png</c> per class (<c>latent_walk_all.png</c> unconditioned); other
/// models and other latent settings are ignored.
/// </summary>
public sealed class RcganLatentWalk(RunDirectory run, int points = 5, float extent = 2f) : ITrainingObserver
{
    public List<string> Written { get; } = [];

    public void OnEnd(GanModel model, TrainingOutcome outcome)
    {
        if (outcome.Cancelled || model is not Rcgan { CanWalkLatent: true } rcgan) return;
        var spec = rcgan.Sequences;
        int?[] classes = rcgan.TakesLabels ? [.. Enumerable.Range(0, spec.ClassCount).Select(c => (int?)c)] : [null];
        foreach (var c in classes)
        {
            var path = run.File($"latent_walk_{FileSafe(c is { } k ? spec.ClassNames[k] : "all")}.png");
            Write(rcgan, c, path, points, extent);
            Written.Add(path);
        }
    }

    /// <summary>The lattice [P·P, 2], row by row: z₁ = −e..e along a row, z₂ = e..−e down the rows.</summary>
    public static Tensor Lattice(int points, float extent)
    {
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), $"a latent lattice needs at least 2 points a side, got {points}");
        var z = new float[points * points * 2];
        for (var row = 0; row < points; row++)
            for (var col = 0; col < points; col++)
            {
                var k = (row * points + col) * 2;
                z[k] = -extent + 2 * extent * col / (points - 1);
                z[k + 1] = extent - 2 * extent * row / (points - 1);
            }
        return Tensor.FromArray(z, points * points, 2);
    }

    /// <summary>Decodes the lattice for class <paramref name="classIndex"/> (null: unconditioned) into the input's units and writes the grid to <paramref name="path"/>.</summary>
    public static void Write(Rcgan model, int? classIndex, string path, int points = 5, float extent = 2f)
    {
        if (!model.CanWalkLatent) throw new ArgumentException($"a latent walk needs {model.Name} with latent=fixed and latent-dim=2");
        if (model.TakesLabels != classIndex.HasValue) throw new ArgumentException(model.TakesLabels ? "give the class to walk" : $"{model.Name} takes no class");
        var spec = model.Sequences;
        var count = points * points;
        var labels = Enumerable.Repeat(classIndex ?? 0, count).ToArray();
        var lattice = Lattice(points, extent);
        var condition = WalkCondition(model, labels, classIndex);
        Tensor series;
        using (Autograd.NoGrad()) series = model.Generate(lattice, condition);
        var decoded = SequenceData.Decode(spec, series.AsSpan(), classIndex is null ? null : labels, model.Range, (condition as SeriesCondition)?.Attributes);
        var range = (Min: (double)decoded.Values.Min(), Max: (double)decoded.Values.Max());
        var z = lattice.ToArray();
        var steps = Enumerable.Range(0, spec.Length).Select(t => (double)t).ToArray();
        var charts = Enumerable.Range(0, count).Select(i =>
        {
            var values = decoded.Sequence(i).ToArray();
            var lines = Enumerable.Range(0, spec.Features).Select(f => new LineSeries(spec.FeatureNames[f], steps,
                [.. Enumerable.Range(0, spec.Length).Select(t => (double)values[t * spec.Features + f])])).ToList();
            var title = string.Create(CultureInfo.InvariantCulture, $"z=({z[2 * i]:0.##}, {z[2 * i + 1]:0.##})");
            return Cell(title, lines, range);
        }).ToList();
        ChartGrid.Save(path, charts, columns: points);
    }

    /// <summary>
    /// The class at every lattice point and, when the series have static attributes, one vector
    /// for all of them (a real series' of the class, drawn with a fixed seed), so that the walk
    /// shows the latent space alone.
    /// </summary>
    private static Condition WalkCondition(Rcgan model, int[] labels, int? classIndex)
    {
        if (model.Attributes is not { } attributes) return classIndex is null ? Condition.None : Condition.Of(labels);
        var one = attributes.Draw(1, classIndex is { } c ? [c] : null, new Rng(0)).ToArray();
        var repeated = Enumerable.Range(0, labels.Length).SelectMany(_ => one).ToArray();
        return new SeriesCondition(labels, Tensor.FromArray(repeated, labels.Length, attributes.Count));
    }

    /// <summary>One small chart of a grid of series, on the grid's shared y-range.</summary>
    internal static RawImage Cell(string title, IReadOnlyList<LineSeries> lines, (double Min, double Max) range) =>
        new LineChart { Title = title, Series = lines, WholeNumberX = true, YRange = range, Width = 260, Height = 170, Legend = LegendPlacement.Inside }.Render();

    internal static string FileSafe(string name) =>
        string.Concat(name.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_'));
}
