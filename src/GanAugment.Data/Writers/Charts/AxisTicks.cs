using System.Globalization;

namespace GanAugment.Data.Writers.Charts;

/// <summary>
/// A value axis on "nice" round ticks: the step is 1, 2 or 5 × 10^k chosen to give about five
/// intervals, and the ends are rounded out to whole steps.
/// </summary>
internal readonly record struct AxisTicks(double Min, double Max, double Step)
{
    private const int TargetIntervals = 5;

    /// <summary>Ticks that cover [low, high] (an empty range is widened to one unit).</summary>
    public static AxisTicks Covering(double low, double high)
    {
        if (!(high > low))
        {
            high = low + 1;
        }

        var raw = (high - low) / TargetIntervals;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        var step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
        return new AxisTicks(Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, step);
    }

    /// <summary>Tick values from Min to Max.</summary>
    public IEnumerable<double> Values()
    {
        var count = (int)Math.Round((Max - Min) / Step);
        for (var i = 0; i <= count; i++)
        {
            yield return Min + i * Step;
        }
    }

    /// <summary>A tick label with as many decimals as the step needs.</summary>
    public string Label(double value)
    {
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(Step) + 1e-9));
        // Adding 0.0 turns a -0 into 0 so the label reads "0", not "-0".
        return (Math.Round(value, decimals) + 0.0).ToString("F" + decimals, CultureInfo.InvariantCulture);
    }
}
