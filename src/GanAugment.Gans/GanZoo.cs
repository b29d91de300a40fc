using System.Text.Json;
using GanAugment.Gans.Models;
using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>One model of the zoo: its name, a line about it, its options type and how to build it.</summary>
public sealed record GanDescriptor(string Name, string Summary, bool Conditional, Type OptionsType, Func<ImageSpec, object, Rng, GanModel> Create)
{
    /// <summary>The options record with the paper's defaults.</summary>
    public object DefaultOptions() => Activator.CreateInstance(OptionsType)!;
}

/// <summary>
/// The named GAN models (<c>ganaug models</c>), and options records built from defaults plus
/// overrides given by property name (<c>learning-rate=1e-4</c> or <c>LearningRate=1e-4</c>).
/// </summary>
public static class GanZoo
{
    public static IReadOnlyList<GanDescriptor> Models { get; } =
    [
        new("gan", "fully connected GAN of the MLP seed (G 100-256-512-1024-784, D 784-512-256-1, BCE)", false, typeof(MlpGanOptions),
            (s, o, r) => new MlpGan(s, (MlpGanOptions)o, r)),
        new("dcgan", "convolutional GAN (DCGAN conventions), 28x28 or 32x32, grey or RGB", false, typeof(DcganOptions),
            (s, o, r) => new Dcgan(s, (DcganOptions)o, r)),
        new("cgan", "conditional DCGAN: the one-hot label goes to G and to D", true, typeof(DcganOptions),
            (s, o, r) => Cgan.Create(s, (DcganOptions)o, r)),
        new("acgan", "AC-GAN of the AC-GAN seed (Fashion-MNIST architecture, auxiliary classifier head)", true, typeof(AcGanOptions),
            (s, o, r) => new AcGan(s, (AcGanOptions)o, r)),
        new("wgan", "Wasserstein GAN with weight clipping, RMSprop, n_critic 5 (conditional=true for labels)", false, typeof(WganOptions),
            (s, o, r) => new Wgan(s, (WganOptions)o, r)),
        new("wgan-gp", "WGAN with gradient penalty (lambda 10), Adam(1e-4, 0.5, 0.9), n_critic 5 (conditional=true for labels)", false, typeof(WganGpOptions),
            (s, o, r) => new WganGp(s, (WganGpOptions)o, r)),
        new("bagan", "balancing GAN of the BAGAN seed: autoencoder init, class-conditional latent, (C+1)-class D (uniform or rebalance sampling)", true, typeof(BaganOptions),
            (s, o, r) => new Bagan(s, (BaganOptions)o, r)),
    ];

    public static GanDescriptor Find(string name) =>
        Models.FirstOrDefault(m => m.Name == name)
        ?? throw new ArgumentException($"unknown model '{name}'; known models: {string.Join(", ", Models.Select(m => m.Name))}");

    /// <summary>The defaults of <paramref name="model"/> with <paramref name="overrides"/> applied (names in kebab or Pascal case).</summary>
    public static object Options(GanDescriptor model, IReadOnlyDictionary<string, string> overrides)
    {
        var options = model.DefaultOptions();
        var properties = model.OptionsType.GetProperties().Where(p => p.CanWrite).ToList();
        foreach (var (key, text) in overrides)
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, Pascal(key), StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"model '{model.Name}' has no option '{key}'; its options: {string.Join(", ", properties.Select(p => Kebab(p.Name)))}");
            // NOTE: options records are fresh instances here, so setting an init-only property is safe.
            property.SetValue(options, Parse(property.PropertyType, text, key));
        }
        return options;
    }

    /// <summary>Options saved as JSON (for example in a run directory) back to the model's record.</summary>
    public static object OptionsFromJson(GanDescriptor model, string json) =>
        JsonSerializer.Deserialize(json, model.OptionsType) ?? throw new ArgumentException($"empty options for model '{model.Name}'");

    public static string OptionsToJson(GanDescriptor model, object options) => JsonSerializer.Serialize(options, model.OptionsType);

    /// <summary>The options of a model as (kebab-case name, type name, default value) rows, for help texts.</summary>
    public static IEnumerable<(string Name, string Type, string Default)> Describe(GanDescriptor model)
    {
        var defaults = model.DefaultOptions();
        foreach (var p in model.OptionsType.GetProperties().Where(p => p.CanWrite))
            yield return (Kebab(p.Name), p.PropertyType.Name.ToLowerInvariant(), System.Convert.ToString(p.GetValue(defaults), System.Globalization.CultureInfo.InvariantCulture) ?? "");
    }

    private static object Parse(Type type, string text, string key)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        const System.Globalization.NumberStyles num = System.Globalization.NumberStyles.Float;
        if (type == typeof(bool) && bool.TryParse(text, out var b)) return b;
        if (type == typeof(int) && int.TryParse(text, System.Globalization.NumberStyles.Integer, inv, out var i)) return i;
        if (type == typeof(double) && double.TryParse(text, num, inv, out var d) && double.IsFinite(d)) return d;
        if (type == typeof(float) && float.TryParse(text, num, inv, out var f) && float.IsFinite(f)) return f;
        if (type == typeof(string)) return text;
        if (type.IsEnum && !int.TryParse(text, out _) && Enum.TryParse(type, Pascal(text), ignoreCase: true, out var e)) return e!;
        var expected = type == typeof(bool) ? "true or false" : type == typeof(int) ? "a whole number"
            : type.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(type).Select(Kebab)) : "a number";
        throw new ArgumentException($"option '{key}' takes {expected}, got '{text}'");
    }

    private static string Pascal(string kebab) => string.Concat(kebab.Split('-', '_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    private static string Kebab(string pascal) => string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
