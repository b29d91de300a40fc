using System.Globalization;

namespace GanAugment.Gans.Options;

/// <summary>One option of a model as <c>ganaug models</c> shows it.</summary>
public sealed record OptionInfo(string Name, string Type, string Default, string Description);

/// <summary>A bad <c>--option name=value</c>: the message is one line that names the option.</summary>
public sealed class OptionException(string message) : ArgumentException(message);

/// <summary>
/// The options of a model, declared one by one with a name (as typed after <c>--option</c>), a
/// description, a getter and a <c>with</c>-setter on the model's options record, and the rule
/// its values obey. Parsing, validation, help and persistence (<c>name=value</c> text, enums by
/// name) all come from the declarations: nothing reflects over property names.
/// </summary>
public sealed class OptionSchema<T> where T : class
{
    private readonly List<Field> _fields = [];

    private sealed record Field(string Name, string Type, string Description, Func<T, string> Format, Func<T, string, T> Parse);

    public IReadOnlyList<string> Names => [.. _fields.Select(f => f.Name)];

    public OptionSchema<T> Int(string name, string description, Func<T, int> get, Func<T, int, T> set, int min = 0) =>
        Add(name, "int", description, o => get(o).ToString(CultureInfo.InvariantCulture), (o, text) =>
        {
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) throw Bad(name, "a whole number", text);
            if (v < min) throw Bad(name, $"a whole number of at least {min}", text);
            return set(o, v);
        });

    public OptionSchema<T> Double(string name, string description, Func<T, double> get, Func<T, double, T> set, double min = 0, bool positive = false) =>
        Add(name, "number", description, o => get(o).ToString("R", CultureInfo.InvariantCulture), (o, text) => set(o, Number(name, text, min, positive)));

    public OptionSchema<T> Float(string name, string description, Func<T, float> get, Func<T, float, T> set, double min = 0, bool positive = false) =>
        Add(name, "number", description, o => get(o).ToString("R", CultureInfo.InvariantCulture), (o, text) => set(o, (float)Number(name, text, min, positive)));

    public OptionSchema<T> Bool(string name, string description, Func<T, bool> get, Func<T, bool, T> set) =>
        Add(name, "bool", description, o => get(o) ? "true" : "false", (o, text) =>
            bool.TryParse(text, out var v) ? set(o, v) : throw Bad(name, "true or false", text));

    public OptionSchema<T> Enum<TEnum>(string name, string description, Func<T, TEnum> get, Func<T, TEnum, T> set) where TEnum : struct, System.Enum
    {
        var values = System.Enum.GetValues<TEnum>();
        var names = values.Select(v => Kebab(v.ToString())).ToArray();
        return Add(name, string.Join("|", names), description, o => Kebab(get(o).ToString()), (o, text) =>
        {
            var i = Array.IndexOf(names, Kebab(text.Trim()));
            return i >= 0 ? set(o, values[i]) : throw Bad(name, "one of " + string.Join(", ", names), text);
        });
    }

    /// <summary>Declares every option of <paramref name="part"/> (a shared record such as <see cref="AdamOptions"/>) as options of this one.</summary>
    public OptionSchema<T> Include<TPart>(OptionSchema<TPart> part, Func<T, TPart> get, Func<T, TPart, T> set) where TPart : class
    {
        foreach (var f in part._fields)
            Add(f.Name, f.Type, f.Description, o => f.Format(get(o)), (o, text) => set(o, f.Parse(get(o), text)));
        return this;
    }

    /// <summary>Every option with its type, its value in <paramref name="defaults"/> and its description.</summary>
    public IReadOnlyList<OptionInfo> Describe(T defaults) => [.. _fields.Select(f => new OptionInfo(f.Name, f.Type, f.Format(defaults), f.Description))];

    /// <summary><paramref name="options"/> with the option called <paramref name="name"/> set from <paramref name="text"/>.</summary>
    public T Set(T options, string name, string text)
    {
        var field = _fields.FirstOrDefault(f => f.Name == name)
            ?? throw new OptionException($"has no option '{name}'; its options: {string.Join(", ", Names)}");
        return field.Parse(options, text);
    }

    /// <summary><paramref name="options"/> with every <c>name=value</c> of <paramref name="values"/> applied in order.</summary>
    public T Apply(T options, IEnumerable<KeyValuePair<string, string>> values) =>
        values.Aggregate(options, (o, p) => Set(o, p.Key, p.Value));

    /// <summary>Every option's value as text, in declaration order (what run directories and checkpoints store).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Values(T options) => [.. _fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Format(options)))];

    private OptionSchema<T> Add(string name, string type, string description, Func<T, string> format, Func<T, string, T> parse)
    {
        if (_fields.Any(f => f.Name == name)) throw new InvalidOperationException($"option '{name}' is declared twice");
        _fields.Add(new Field(name, type, description, format, parse));
        return this;
    }

    private static double Number(string name, string text, double min, bool positive)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v)) throw Bad(name, "a number", text);
        if (positive ? v <= min : v < min) throw Bad(name, positive ? $"a number above {min}" : $"a number of at least {min}", text);
        return v;
    }

    private static OptionException Bad(string name, string expected, string text) => new($"option '{name}' takes {expected}, got '{text}'");

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
