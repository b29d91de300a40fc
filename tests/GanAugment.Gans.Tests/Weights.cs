namespace GanAugment.Gans.Tests;

/// <summary>Comparing the state of two models, as resume and reference-step tests do.</summary>
internal static class Weights
{
    /// <summary>The two models hold the same tensors, by name and by value, bit for bit.</summary>
    public static void AssertSame(GanModel a, GanModel b)
    {
        var (sa, sb) = (a.Networks().SelectMany(n => n.Module.StateDict()).ToList(), b.Networks().SelectMany(n => n.Module.StateDict()).ToList());
        Assert.Equal(sa.Select(p => p.Key), sb.Select(p => p.Key));
        Assert.Equal(sa.Select(p => p.Value.ToArray()), sb.Select(p => p.Value.ToArray()));
    }
}
