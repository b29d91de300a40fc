using GanAugment.Tensors;

namespace GanAugment.Evaluation.FewShot;

/// <summary>
/// One arm of the protocol: what happens to the batches that are augmented (one in
/// <see cref="FewShotOptions.AugmentEvery"/>); the other batches are the real support images.
/// </summary>
/// <param name="Name">Column name in the reports: none, classic, or the generator's name.</param>
/// <param name="Transform">Images [N, C, H, W] in [-1, 1] → augmented images of the same shape, or null for no augmentation.</param>
public sealed record FewShotArm(string Name, Func<Tensor, Rng, Tensor>? Transform)
{
    public static FewShotArm None { get; } = new("none", null);

    /// <summary>
    /// Classic augmentation, what a user would otherwise do: a horizontal flip with probability
    /// 1/2, a shift of up to <paramref name="maxShift"/> pixels on each axis (the background, −1,
    /// fills the edge) and Gaussian noise of standard deviation <paramref name="noise"/>, clamped to [-1, 1].
    /// </summary>
    public static FewShotArm Classic(int maxShift = 2, float noise = 0.1f) => new("classic", (x, rng) =>
    {
        int n = x.Size(0), c = x.Size(1), h = x.Size(2), w = x.Size(3);
        var src = x.ToArray();
        var dst = new float[src.Length];
        for (var i = 0; i < n; i++)
        {
            var flip = rng.NextInt(2) == 1;
            var dy = rng.NextInt(2 * maxShift + 1) - maxShift;
            var dx = rng.NextInt(2 * maxShift + 1) - maxShift;
            for (var ch = 0; ch < c; ch++)
                for (var r = 0; r < h; r++)
                    for (var q = 0; q < w; q++)
                    {
                        int sr = r - dy, sq = q - dx;
                        if (flip) sq = w - 1 - sq;
                        var v = sr >= 0 && sr < h && sq >= 0 && sq < w ? src[((i * c + ch) * h + sr) * w + sq] : -1f;
                        dst[((i * c + ch) * h + r) * w + q] = Math.Clamp(v + noise * rng.Normal(), -1f, 1f);
                    }
        }
        return Tensor.FromArray(dst, n, c, h, w);
    });
}
