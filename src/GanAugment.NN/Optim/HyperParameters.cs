namespace GanAugment.NN.Optim;

/// <summary>Checks of optimizer hyper-parameters, shared by the constructors and LoadStateDict.</summary>
internal static class HyperParameters
{
    public static double NonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
            throw new ArgumentOutOfRangeException(name, $"{name} must be a finite number >= 0, got {value}");
        return value;
    }

    /// <summary>A decay rate in [0, 1), such as Adam's betas.</summary>
    public static double Rate(double value, string name)
    {
        if (!(value >= 0 && value < 1))
            throw new ArgumentOutOfRangeException(name, $"{name} must be in [0, 1), got {value}");
        return value;
    }

    public static double Require(IReadOnlyDictionary<string, double> values, string name) =>
        values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"missing hyper-parameter '{name}'");

    /// <summary>A boolean stored as 0 or 1.</summary>
    public static bool Flag(IReadOnlyDictionary<string, double> values, string name)
    {
        var v = Require(values, name);
        return v switch
        {
            0 => false,
            1 => true,
            _ => throw new ArgumentException($"hyper-parameter '{name}' must be 0 or 1, got {v}"),
        };
    }
}
