using GanAugment.Data.Catalogue;
using GanAugment.NN.Optim;
using GanAugment.Tensors;

namespace GanAugment.NN.Tests.Learning;

/// <summary>End-to-end evidence that the engine learns: XOR, digits, and a WGAN-GP on 8 Gaussians.</summary>
public class LearningTests
{
    [Fact]
    public void AnMlpLearnsXor()
    {
        var rng = new Rng(1);
        var net = new Sequential(new Linear(2, 8, rng), new Tanh(), new Linear(8, 1, rng));
        var x = Tensor.FromArray([0f, 0f, 0f, 1f, 1f, 0f, 1f, 1f], 4, 2);
        var y = Tensor.FromArray([0f, 1f, 1f, 0f], 4, 1);
        var opt = new Adam(net.Parameters(), lr: 0.05);
        for (var step = 0; step < 300; step++)
        {
            var loss = Losses.BinaryCrossEntropyWithLogits(net.Call(x), y);
            opt.ZeroGrad();
            loss.Backward();
            opt.Step();
        }
        var p = net.Call(x).Sigmoid().ToArray();
        Assert.True(p[0] < 0.1f && p[1] > 0.9f && p[2] > 0.9f && p[3] < 0.1f, $"XOR outputs {string.Join(", ", p)}");
    }

    [Fact]
    public void ASmallCnnReadsTheBundledDigitsAbove97Percent()
    {
        var split = DatasetCatalogue.CreateBuiltIn().Load(new DatasetRequest("mnist-small"));
        var rng = new Rng(2);
        var net = new Sequential(
            new Conv2d(1, 32, 3, rng, stride: 1, padding: 1), new ReLU(),
            new Conv2d(32, 64, 3, rng, stride: 2, padding: 1), new ReLU(),
            new Conv2d(64, 64, 3, rng, stride: 2, padding: 1), new ReLU(),
            new Flatten(), new Dropout(rng, 0.4f), new Linear(64 * 7 * 7, 10, rng));
        var opt = new Adam(net.Parameters(), lr: 1e-3);
        var pool = new TensorPool();
        for (var epoch = 0; epoch < 3; epoch++)
        {
            var order = new Rng((ulong)(10 + epoch)).Permutation(split.Train.Count);
            for (var start = 0; start + 64 <= order.Length; start += 64)
            {
                var batch = order.AsSpan(start, 64);
                using (pool.Scope())
                {
                    var loss = Losses.CrossEntropy(net.Call(Images(split.Train, batch)), Labels(split.Train, batch));
                    opt.ZeroGrad();
                    loss.Backward();
                    opt.Step();
                }
            }
        }
        var correct = 0;
        net.Eval();
        using (Autograd.NoGrad())
        {
            // NOTE: evaluated in batches of 250, the size a user's evaluation loop would use.
            for (var start = 0; start < split.Test.Count; start += 250)
            {
                var batch = Enumerable.Range(start, Math.Min(250, split.Test.Count - start)).ToArray();
                var logits = net.Call(Images(split.Test, batch)).ToArray();
                for (var i = 0; i < batch.Length; i++)
                {
                    var row = logits.AsSpan(i * 10, 10);
                    var best = 0;
                    for (var c = 1; c < 10; c++) if (row[c] > row[best]) best = c;
                    if (best == split.Test.Labels[batch[i]]) correct++;
                }
            }
        }
        var accuracy = correct / (double)split.Test.Count;
        Assert.True(accuracy > 0.97, $"test accuracy {accuracy:P2}");
    }

    [Fact]
    public void ATinyWganGpCoversAllEightModesOfARingOfGaussians()
    {
        var rng = new Rng(3);
        var g = new Sequential(new Linear(2, 64, rng), new ReLU(), new Linear(64, 64, rng), new ReLU(), new Linear(64, 2, rng));
        var d = new Sequential(new Linear(2, 64, rng), new ReLU(), new Linear(64, 64, rng), new ReLU(), new Linear(64, 1, rng));
        var optG = new Adam(g.Parameters(), lr: 1e-3, beta1: 0.5, beta2: 0.9);
        var optD = new Adam(d.Parameters(), lr: 1e-3, beta1: 0.5, beta2: 0.9);
        var data = new Rng(4);
        var pool = new TensorPool();
        const int batch = 128;
        for (var iteration = 0; iteration < 600; iteration++)
        {
            using (pool.Scope())
            {
                for (var c = 0; c < 5; c++)
                {
                    var real = Ring(data, batch);
                    Tensor fake;
                    using (Autograd.NoGrad()) fake = g.Call(Tensor.Randn(data, [batch, 2]));
                    var eps = Tensor.Rand(data, [batch, 1]);
                    var mixed = (real * eps + fake * (1f - eps)).RequiresGrad_();
                    var grad = Autograd.Grad([d.Call(mixed)], [mixed], [Tensor.Ones(batch, 1)], createGraph: true)[0]!;
                    var penalty = ((grad.Square().Sum(1) + 1e-12f).Sqrt() - 1f).Square().Mean() * 0.1f;
                    var loss = d.Call(fake).Mean() - d.Call(real).Mean() + penalty;
                    optD.ZeroGrad();
                    loss.Backward();
                    optD.Step();
                }
                foreach (var p in d.Parameters()) p.RequiresGrad_(false);
                var gLoss = -d.Call(g.Call(Tensor.Randn(data, [batch, 2]))).Mean();
                optG.ZeroGrad();
                gLoss.Backward();
                optG.Step();
                foreach (var p in d.Parameters()) p.RequiresGrad_(true);
            }
        }
        Tensor samples;
        using (Autograd.NoGrad()) samples = g.Call(Tensor.Randn(new Rng(5), [2000, 2]));
        var s = samples.ToArray();
        var hits = new int[8];
        for (var i = 0; i < 2000; i++)
            for (var m = 0; m < 8; m++)
            {
                var (cx, cy) = Centre(m);
                if (MathF.Pow(s[2 * i] - cx, 2) + MathF.Pow(s[2 * i + 1] - cy, 2) < 0.5f * 0.5f) hits[m]++;
            }
        Assert.True(hits.All(h => h >= 40), $"samples near each of the 8 modes: {string.Join(", ", hits)}");
    }

    private static (float X, float Y) Centre(int m) => (2f * MathF.Cos(m * MathF.PI / 4), 2f * MathF.Sin(m * MathF.PI / 4));

    private static Tensor Ring(Rng rng, int n)
    {
        var v = new float[2 * n];
        for (var i = 0; i < n; i++)
        {
            var (cx, cy) = Centre(rng.NextInt(8));
            v[2 * i] = cx + 0.05f * rng.Normal();
            v[2 * i + 1] = cy + 0.05f * rng.Normal();
        }
        return Tensor.Wrap(v, n, 2);
    }

    private static Tensor Images(Data.Images.ImageDataset data, ReadOnlySpan<int> indices)
    {
        var size = data.ImageSize;
        var v = new float[indices.Length * size];
        for (var i = 0; i < indices.Length; i++)
        {
            var img = data.Image(indices[i]);
            // NOTE: standardised with MNIST's pixel mean and std, as the usual MNIST recipes do.
            for (var k = 0; k < size; k++) v[i * size + k] = (img[k] / 255f - 0.1307f) / 0.3081f;
        }
        return Tensor.Wrap(v, indices.Length, 1, 28, 28);
    }

    private static int[] Labels(Data.Images.ImageDataset data, ReadOnlySpan<int> indices)
    {
        var y = new int[indices.Length];
        for (var i = 0; i < y.Length; i++) y[i] = data.Labels[indices[i]];
        return y;
    }
}
