using GanAugment.Tensors;

namespace GanAugment.Gans;

/// <summary>What a conditional model's generator is given besides noise.</summary>
public enum ConditionKind
{
    /// <summary>Unconditional: noise only.</summary>
    None,

    /// <summary>A class label per sample.</summary>
    Labels,

    /// <summary>A real source item per sample (DAGAN's image).</summary>
    Source,

    /// <summary>Latent codes per sample (InfoGAN's categorical and continuous codes).</summary>
    Codes,
}

/// <summary>
/// The condition of a batch of samples, as a value: nothing, class labels, source items or latent
/// codes. <see cref="GanModel.Sample(int, Rng, Condition?)"/> takes it; a model draws its own
/// condition when given none.
/// </summary>
public abstract record Condition
{
    /// <summary>Samples in this condition, or null when it fixes none (<see cref="None"/>).</summary>
    public abstract int? Count { get; }

    public static Condition None { get; } = new NoCondition();

    public static Condition Of(int[] labels) => new LabelCondition(labels);

    public static Condition OfSource(Tensor source) => new SourceCondition(source);

    public static Condition OfCodes(Tensor codes) => new CodeCondition(codes);
}

public sealed record NoCondition : Condition
{
    public override int? Count => null;
}

public record LabelCondition(int[] Labels) : Condition
{
    public override int? Count => Labels.Length;
}

/// <summary>
/// Series of classes <see cref="LabelCondition.Labels"/> (all 0 for an unconditional model) with
/// static attributes: <paramref name="Attributes"/>, one vector per series scaled into [-1, 1]
/// ([N, A], see <see cref="SeriesAttributes"/>), once given or drawn; until then
/// <paramref name="Where"/> may fix attributes by name in the input's units, and
/// <see cref="GanModel.Complete"/> draws the rest.
/// </summary>
public sealed record SeriesCondition(int[] Labels, Tensor? Attributes = null, IReadOnlyList<(string Name, float Value)>? Where = null) : LabelCondition(Labels);

public sealed record SourceCondition(Tensor Source) : Condition
{
    public override int? Count => Source.Size(0);
}

public sealed record CodeCondition(Tensor Codes) : Condition
{
    public override int? Count => Codes.Size(0);
}
