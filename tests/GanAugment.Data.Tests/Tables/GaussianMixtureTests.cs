using GanAugment.Data.Tables.Encoding;

namespace GanAugment.Data.Tests.Tables;

public sealed class GaussianMixtureTests
{
    [Fact]
    public void Finds_the_two_modes_of_a_bimodal_sample()
    {
        var m = GaussianMixture.Fit(Samples.Bimodal(2000, seed: 1), new GaussianMixtureOptions(), seed: 5);
        Assert.Equal(2, m.Count);
        var order = Enumerable.Range(0, 2).OrderBy(k => m.Means[k]).ToArray();
        Assert.InRange(m.Means[order[0]], -5.2, -4.8);
        Assert.InRange(m.Means[order[1]], 9.7, 10.3);
        Assert.InRange(m.StdDevs[order[0]], 0.9, 1.1);
        Assert.InRange(m.StdDevs[order[1]], 1.8, 2.2);
        Assert.InRange(m.Weights[order[0]], 0.45, 0.55);
    }

    [Fact]
    public void A_single_gaussian_gets_one_component()
    {
        var random = new Random(2);
        var values = Enumerable.Range(0, 1000).Select(_ => 100 + 15 * Samples.Normal(random)).ToArray();
        var m = GaussianMixture.Fit(values, new GaussianMixtureOptions(), seed: 0);
        Assert.Equal(1, m.Count);
        Assert.InRange(m.Means[0], 98, 102);
    }

    [Fact]
    public void Never_more_than_max_components_and_no_tiny_weights()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 3000).Select(i => 20.0 * (i % 12) + 0.1 * Samples.Normal(random)).ToArray();
        var options = new GaussianMixtureOptions { MaxComponents = 5 };
        var m = GaussianMixture.Fit(values, options, seed: 0);
        Assert.InRange(m.Count, 1, 5);
        Assert.All(m.Weights, w => Assert.True(w >= options.WeightThreshold));
        Assert.Equal(1.0, m.Weights.Sum(), 9);
    }

    [Fact]
    public void Same_seed_gives_the_same_mixture()
    {
        var values = Samples.Bimodal(500, seed: 4);
        var a = GaussianMixture.Fit(values, new GaussianMixtureOptions(), seed: 9);
        var b = GaussianMixture.Fit(values, new GaussianMixtureOptions(), seed: 9);
        Assert.Equal(a.Means, b.Means);
        Assert.Equal(a.StdDevs, b.StdDevs);
        Assert.Equal(a.Weights, b.Weights);
    }

    [Fact]
    public void Constant_values_give_one_narrow_component()
    {
        var m = GaussianMixture.Fit([3.0, 3.0, 3.0], new GaussianMixtureOptions(), seed: 0);
        Assert.Equal(1, m.Count);
        Assert.Equal(3.0, m.Means[0]);
        Assert.True(m.StdDevs[0] > 0);
    }

    [Fact]
    public void Large_offsets_do_not_lose_precision()
    {
        var values = Samples.Bimodal(1000, seed: 6).Select(v => 1e9 + v).ToArray();
        var m = GaussianMixture.Fit(values, new GaussianMixtureOptions(), seed: 1);
        Assert.Equal(2, m.Count);
        Assert.Contains(m.Means, mu => Math.Abs(mu - (1e9 - 5)) < 0.3);
    }

    [Fact]
    public void Subsampling_caps_the_fit_size_and_still_finds_the_modes()
    {
        var m = GaussianMixture.Fit(Samples.Bimodal(20_000, seed: 7), new GaussianMixtureOptions { MaxFitSamples = 1000 }, seed: 2);
        Assert.Equal(2, m.Count);
    }

    [Fact]
    public void Rejects_empty_or_non_finite_values()
    {
        Assert.Throws<ArgumentException>(() => GaussianMixture.Fit([], new GaussianMixtureOptions(), 0));
        Assert.Throws<ArgumentException>(() => GaussianMixture.Fit([1, double.NaN], new GaussianMixtureOptions(), 0));
    }
}
