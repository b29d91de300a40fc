using System.Globalization;
using GanAugment.Data;

namespace GanAugment.Cli.Commands.Plot;

/// <summary>
/// A run's <c>losses.csv</c>: a header <c>epoch,step,loss,value</c>, then one row per loss per
/// adversarial step (epoch and step counted from 1). Each loss becomes a curve over the global
/// step (epoch − 1)·S + step, where S is the largest step seen; a repeated (epoch, step, loss)
/// keeps its last value.
/// </summary>
internal sealed class StepLossCsv
{
    private const string Header = "epoch,step,loss,value";

    private StepLossCsv(string path, int stepsPerEpoch, IReadOnlyList<(string Name, double[] Steps, double[] Values)> losses)
    {
        Path = path;
        StepsPerEpoch = stepsPerEpoch;
        Losses = losses;
    }

    public string Path { get; }

    /// <summary>Steps in one epoch (the largest step number in the file).</summary>
    public int StepsPerEpoch { get; }

    /// <summary>Per loss, in order of first appearance: the global steps (ascending) and the values there.</summary>
    public IReadOnlyList<(string Name, double[] Steps, double[] Values)> Losses { get; }

    /// <summary>The x at which epoch <paramref name="epoch"/> (from 1) is centred: the middle of its steps.</summary>
    public double EpochCentre(double epoch) => (epoch - 1) * StepsPerEpoch + (StepsPerEpoch + 1) / 2.0;

    /// <exception cref="DataFormatException">The file is unreadable, has another header or a malformed row; the message names the file and line.</exception>
    public static StepLossCsv Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DataFormatException.At(path, $"cannot read: {e.Message}");
        }
        if (lines.Length == 0 || lines[0].Trim() != Header)
            throw DataFormatException.At(path, $"the header must be '{Header}'", line: 1);

        var order = new List<string>();
        var rows = new Dictionary<string, SortedDictionary<(int Epoch, int Step), double>>();
        var steps = 0;
        for (var n = 1; n < lines.Length; n++)
        {
            if (lines[n].Trim().Length == 0) continue;
            var fields = lines[n].Split(',');
            if (fields.Length != 4) throw DataFormatException.At(path, $"{fields.Length} fields, but the header has 4 ({Header})", n + 1);
            if (!int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) || epoch < 1)
                throw DataFormatException.At(path, $"epoch '{fields[0]}' is not a whole number from 1", n + 1);
            if (!int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1)
                throw DataFormatException.At(path, $"step '{fields[1]}' is not a whole number from 1", n + 1);
            var name = fields[2].Trim();
            if (name.Length == 0) throw DataFormatException.At(path, "the loss has no name", n + 1);
            if (!double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw DataFormatException.At(path, $"value '{fields[3]}' is not a number", n + 1);
            if (!rows.TryGetValue(name, out var curve))
            {
                order.Add(name);
                rows[name] = curve = [];
            }
            curve[(epoch, step)] = value;
            steps = Math.Max(steps, step);
        }
        var losses = order.Select(name =>
        {
            var curve = rows[name];
            return (name, curve.Keys.Select(k => (double)(k.Epoch - 1) * steps + k.Step).ToArray(), curve.Values.ToArray());
        }).ToArray();
        return new StepLossCsv(path, steps, losses);
    }
}
