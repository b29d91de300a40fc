using System.Globalization;
using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>
/// The latent codes c of InfoGAN (Chen et al. 2016, https://arxiv.org/abs/1606.03657) as a
/// <see cref="CodeCondition"/> holds them, one row per sample: the one-hot of a categorical code of
/// <see cref="Categories"/> values (none when 0), then <see cref="Continuous"/> continuous codes,
/// each drawn from U(−1, 1). They are named <c>cat</c>, <c>c1</c>, <c>c2</c>, ... on the command line.
/// </summary>
public sealed record LatentCodes
{
    public const string CategoricalName = "cat";

    public LatentCodes(int categories, int continuous)
    {
        if (categories is < 0 or 1) throw new ArgumentException($"a categorical code needs at least 2 values (0: none), got {categories}");
        if (continuous < 0) throw new ArgumentException($"the number of continuous codes cannot be negative, got {continuous}");
        if (categories + continuous == 0) throw new ArgumentException("at least one latent code is needed (a categorical or a continuous one)");
        Categories = categories;
        Continuous = continuous;
    }

    /// <summary>Values of the categorical code (0: no categorical code).</summary>
    public int Categories { get; }

    /// <summary>Number of continuous codes.</summary>
    public int Continuous { get; }

    /// <summary>Floats per row: Categories + Continuous.</summary>
    public int Width => Categories + Continuous;

    /// <summary>The name of continuous code <paramref name="index"/> (0-based): c1, c2, ...</summary>
    public static string ContinuousName(int index) => string.Create(CultureInfo.InvariantCulture, $"c{index + 1}");

    /// <summary>The codes' names in row order: cat (when present), c1, ..., cC.</summary>
    public IReadOnlyList<string> Names => [.. Categories > 0 ? [CategoricalName] : Array.Empty<string>(), .. Enumerable.Range(0, Continuous).Select(ContinuousName)];

    /// <summary>"cat (0..9), c1, c2": the codes as a message names them.</summary>
    public string Describe() => string.Join(", ", Names.Select(n => n == CategoricalName ? $"{n} (0..{Categories - 1})" : n));

    /// <summary>
    /// Parses <c>cat=3,c1=0.5</c> into fixed values; a <see cref="FormatException"/> with a one-line
    /// message for an unknown name, a repeated one, a category out of range or a value that is not a finite number.
    /// </summary>
    public IReadOnlyDictionary<string, float> Parse(string text)
    {
        var values = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || pair[0].Length == 0) throw new FormatException($"'{part}' is not name=value; this model's codes are {Describe()}");
            var name = pair[0];
            if (!Names.Contains(name)) throw new FormatException($"unknown code '{name}'; this model's codes are {Describe()}");
            if (values.ContainsKey(name)) throw new FormatException($"code '{name}' is given twice");
            if (name == CategoricalName)
            {
                if (!int.TryParse(pair[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) || k < 0 || k >= Categories)
                    throw new FormatException($"cat={pair[1]} is not a category: give an integer 0..{Categories - 1}");
                values[name] = k;
            }
            else
            {
                if (!float.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !float.IsFinite(v))
                    throw new FormatException($"{name}={pair[1]} is not a number (the codes are drawn from [-1, 1]; e.g. {name}=0.5)");
                values[name] = v;
            }
        }
        return values;
    }

    /// <summary>
    /// Codes [count, Width] for <paramref name="count"/> samples: the categorical code uniform over
    /// its values and the continuous ones uniform on [−1, 1], except those in <paramref name="fixedValues"/>.
    /// </summary>
    public Tensor Draw(int count, Rng rng, IReadOnlyDictionary<string, float>? fixedValues = null)
    {
        var codes = new float[count * Width];
        float? cat = fixedValues is not null && fixedValues.TryGetValue(CategoricalName, out var c) ? c : null;
        var continuous = new float?[Continuous];
        for (var j = 0; j < Continuous; j++)
            continuous[j] = fixedValues is not null && fixedValues.TryGetValue(ContinuousName(j), out var v) ? v : null;
        for (var i = 0; i < count; i++)
        {
            var row = codes.AsSpan(i * Width, Width);
            if (Categories > 0) row[cat is { } k ? (int)k : rng.NextInt(Categories)] = 1f;
            for (var j = 0; j < Continuous; j++) row[Categories + j] = continuous[j] ?? 2f * rng.NextFloat() - 1f;
        }
        return Tensor.FromArray(codes, count, Width);
    }

    /// <summary>The category of each row of <paramref name="codes"/> (the index of its one-hot).</summary>
    public int[] CategoryOf(Tensor codes)
    {
        var n = codes.Size(0);
        var span = codes.AsSpan();
        var categories = new int[n];
        for (var i = 0; i < n; i++) categories[i] = ArgMax(span.Slice(i * Width, Categories));
        return categories;
    }

    /// <summary>The continuous codes [N, Continuous] of <paramref name="codes"/>.</summary>
    public Tensor ContinuousOf(Tensor codes) => codes.Narrow(1, Categories, Continuous);

    /// <summary>Throws unless <paramref name="codes"/> has rows of <see cref="Width"/> floats.</summary>
    public void Check(Tensor codes)
    {
        if (codes.Rank != 2 || codes.Size(1) != Width)
            throw new ArgumentException($"codes of shape [{string.Join(", ", codes.ShapeArray)}] do not match the model's {Width} code columns ({Describe()})");
    }

    /// <summary>The index of the largest value (the first one on ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var k = 1; k < values.Length; k++)
            if (values[k] > values[best]) best = k;
        return best;
    }
}

/// <summary>
/// A model generating from <see cref="LatentCodes"/> (a <see cref="ConditionKind.Codes"/> model)
/// whose auxiliary network Q predicts the categorical code back from an item.
/// </summary>
public interface ICodeModel
{
    LatentCodes Codes { get; }

    /// <summary>Q's most likely category for each item of <paramref name="items"/> (a batch as <see cref="TrainingData.Batch"/> gives it), in eval mode without gradients.</summary>
    int[] PredictCategories(Tensor items);
}
