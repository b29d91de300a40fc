namespace GanAugment.Gans;

/// <summary>Named loss values of one step, in the order the model reports them (e.g. d_real, d_fake, g).</summary>
public sealed class StepLosses
{
    private readonly List<KeyValuePair<string, float>> _values = [];

    public IReadOnlyList<KeyValuePair<string, float>> Values => _values;

    public StepLosses Add(string name, float value)
    {
        _values.Add(new(name, value));
        return this;
    }

    public StepLosses AddRange(StepLosses other)
    {
        _values.AddRange(other._values);
        return this;
    }

    public float this[string name] => _values.First(p => p.Key == name).Value;

    public override string ToString() => string.Join(" ", _values.Select(p => $"{p.Key}={p.Value:F4}"));
}
