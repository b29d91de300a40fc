using GanAugment.Gans.Models;
using GanAugment.Tensors;

namespace GanAugment.Gans.Tests.Bagan;

public class MultivariateNormalTests
{
    [Fact]
    public void Cholesky_of_a_known_matrix_matches_the_hand_factor()
    {
        // Σ = L·Lᵀ with L = [[2, 0, 0], [1, 3, 0], [-1, 2, 1]].
        double[] sigma = [4, 2, -2, 2, 10, 5, -2, 5, 6];
        var factor = new double[9];
        Assert.Equal(0, MultivariateNormal.CholeskyWithRidge(sigma, 3, factor));
        Assert.Equal([2, 0, 0, 1, 3, 0, -1, 2, 1], factor.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Covariance_is_the_unbiased_sample_covariance()
    {
        // Rows (1, 2), (3, 6), (5, 7): means (3, 5); Σ = [[4, 5], [5, 7]] by hand (divided by n − 1 = 2).
        float[] rows = [1, 2, 3, 6, 5, 7];
        var mean = new double[2];
        var sigma = new double[4];
        MultivariateNormal.Mean(rows, 3, 2, mean);
        MultivariateNormal.Covariance(rows, 3, 2, mean, sigma);
        Assert.Equal([3.0, 5.0], mean);
        Assert.Equal([4.0, 5.0, 5.0, 7.0], sigma);
    }

    [Fact]
    public void Singular_covariance_gets_the_smallest_working_ridge()
    {
        // Rank 1: Σ = v·vᵀ with v = (1, 2); the plain factorisation fails.
        double[] sigma = [1, 2, 2, 4];
        var factor = new double[4];
        Assert.False(MultivariateNormal.TryCholesky(sigma, 2, factor));
        var ridge = MultivariateNormal.CholeskyWithRidge(sigma, 2, factor);
        Assert.InRange(ridge, 2.5e-6 * 0.999, 2.5e-6 * 1.001); // trace/n = 2.5, times 1e-6
        // L·Lᵀ reproduces Σ + λI.
        Assert.Equal(1 + ridge, factor[0] * factor[0], 9);
        Assert.Equal(2, factor[2] * factor[0], 9);
        Assert.Equal(4 + ridge, factor[2] * factor[2] + factor[3] * factor[3], 9);
    }

    [Fact]
    public void A_single_code_has_zero_covariance_and_samples_stay_at_it()
    {
        var latent = new BaganLatent(classes: 2, latentDim: 3);
        latent.Fit([1, 2, 3, 0, 0, 0, 2, 2, 2], [0, 1, 1]);
        Assert.Equal([1, 2], latent.Counts);
        Assert.True(latent.Ridges[0] > 0);
        var samples = latent.Transform(Tensor.Randn(new Rng(1), [50, 3]), new int[50]).ToArray();
        for (var i = 0; i < samples.Length; i++) Assert.Equal(1 + i % 3, samples[i], 2);
    }

    [Fact]
    public void Latent_samples_have_the_fitted_mean_and_covariance()
    {
        // Codes of class 0 drawn from a known Gaussian; the latent's samples must reproduce its moments.
        var rng = new Rng(7);
        double[] trueFactor = [1.0, 0, 0.5, 0.3];
        var n = 4000;
        var codes = new float[n * 2];
        for (var i = 0; i < n; i++)
        {
            double z0 = rng.Normal(), z1 = rng.Normal();
            codes[2 * i] = (float)(3 + trueFactor[0] * z0);
            codes[2 * i + 1] = (float)(-1 + trueFactor[2] * z0 + trueFactor[3] * z1);
        }
        var latent = new BaganLatent(1, 2);
        latent.Fit(codes, new int[n]);
        var samples = latent.Transform(Tensor.Randn(new Rng(8), [n, 2]), new int[n]).ToArray();
        var mean = new double[2];
        var sigma = new double[4];
        MultivariateNormal.Mean(samples, n, 2, mean);
        MultivariateNormal.Covariance(samples, n, 2, mean, sigma);
        // Tolerances are about 5 standard errors of 4000 samples.
        Assert.InRange(mean[0], 2.92, 3.08);
        Assert.InRange(mean[1], -1.05, -0.95);
        Assert.InRange(sigma[0], 0.9, 1.1);
        Assert.InRange(sigma[1], 0.44, 0.56);
        Assert.InRange(sigma[3], 0.3, 0.38);
    }
}
