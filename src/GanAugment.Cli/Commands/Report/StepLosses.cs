using System.Globalization;
using GanAugment.Data;

namespace GanAugment.Cli.Commands.Report;

/// <summary>
/// A run's <c>losses.csv</c> (epoch, step, loss, value: one row per loss per step, the step
/// counted within its epoch) as one curve per loss over the global step: the distinct
/// (epoch, step) pairs in order, numbered from 1. A resumed run may repeat a step; its last value wins.
/// </summary>
internal sealed class StepLosses
{
    private readonly Dictionary<string, SortedDictionary<(int Epoch, int Step), double>> _byLoss;
    private readonly Dictionary<(int Epoch, int Step), int> _global;

    private StepLosses(Dictionary<string, SortedDictionary<(int, int), double>> byLoss, IReadOnlyList<string> names)
    {
        _byLoss = byLoss;
        Names = names;
        _global = byLoss.Values.SelectMany(d => d.Keys).Distinct().Order().Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i + 1);
    }

    /// <summary>The losses in the order they first appear.</summary>
    public IReadOnlyList<string> Names { get; }

    public double[] Steps(string name) => _byLoss[name].Keys.Select(k => (double)_global[k]).ToArray();

    public double[] Values(string name) => _byLoss[name].Values.ToArray();

    /// <exception cref="DataFormatException">The file is empty or a row is not epoch,step,loss,value; names the file and line.</exception>
    public static StepLosses Read(string path)
    {
        var byLoss = new Dictionary<string, SortedDictionary<(int, int), double>>(StringComparer.Ordinal);
        var names = new List<string>();
        using var reader = new StreamReader(path);
        var header = reader.ReadLine();
        if (header?.Trim() != "epoch,step,loss,value") throw DataFormatException.At(path, $"expected the header epoch,step,loss,value, got '{header}'", line: 1);
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Trim().Length == 0) continue;
            var f = text.Split(',');
            if (f.Length != 4
                || !int.TryParse(f[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
                || !int.TryParse(f[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var step)
                || !double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw DataFormatException.At(path, $"'{text}' is not epoch,step,loss,value", line);
            if (!byLoss.TryGetValue(f[2], out var curve))
            {
                byLoss[f[2]] = curve = new SortedDictionary<(int, int), double>();
                names.Add(f[2]);
            }
            curve[(epoch, step)] = value;
        }
        if (names.Count == 0) throw DataFormatException.At(path, "has a header but no rows", line: 2);
        return new StepLosses(byLoss, names);
    }
}
