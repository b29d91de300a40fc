using GanAugment.Tensors;

namespace GanAugment.NN;

public static partial class NNFunctional
{
    extension(Functional)
    {
        /// <summary>
        /// Batch normalisation (Ioffe and Szegedy 2015, https://arxiv.org/abs/1502.03167) of x
        /// [N, C, ...] per channel: y = (x - μ) / √(σ² + eps) · weight + bias. In training (or without
        /// running statistics) μ and σ² are the batch mean and biased variance over every axis but 1,
        /// and the running statistics are updated in place as running = (1 - momentum)·running +
        /// momentum·batch, with the unbiased variance for the running variance (as PyTorch). Otherwise
        /// the running statistics are used. Training runs the engine's fused
        /// <c>Functional.BatchNormTraining</c>; evaluation is composed from tensor ops. Both are twice
        /// differentiable.
        /// </summary>
        public static Tensor BatchNorm(
            Tensor x,
            Tensor? runningMean,
            Tensor? runningVar,
            Tensor? weight = null,
            Tensor? bias = null,
            bool training = false,
            float momentum = 0.1f,
            float eps = 1e-5f)
        {
            ArgumentNullException.ThrowIfNull(x);
            if (x.Rank < 2) throw new ArgumentException($"batch norm needs an input of rank 2 or more [N, C, ...], got shape {ShapeUtil.Format(x.Shape)}");
            if ((runningMean is null) != (runningVar is null)) throw new ArgumentException("batch norm needs both running statistics or neither");
            var channels = x.Size(1);
            CheckChannelVector(runningMean, channels, "running mean");
            CheckChannelVector(runningVar, channels, "running variance");
            CheckChannelVector(weight, channels, "weight");
            CheckChannelVector(bias, channels, "bias");

            if (training || runningMean is null)
            {
                var count = x.Numel / Math.Max(1, channels);
                if (count <= 1) throw new ArgumentException($"batch norm in training needs more than one value per channel, got input shape {ShapeUtil.Format(x.Shape)}");
                var batchMean = Tensor.Zeros(channels);
                var batchVariance = Tensor.Zeros(channels);
                var normalised = Functional.BatchNormTraining(x, weight, bias, eps, batchMean.AsSpan(), batchVariance.AsSpan());
                if (training && runningMean is not null) UpdateRunning(runningMean, runningVar!, batchMean, batchVariance, momentum, count);
                return normalised;
            }

            var broadcast = new int[x.Rank];
            Array.Fill(broadcast, 1);
            broadcast[1] = channels;
            var y = (x - runningMean.Reshape(broadcast)) / (runningVar!.Reshape(broadcast) + eps).Sqrt();
            if (weight is not null) y = y * weight.Reshape(broadcast);
            if (bias is not null) y = y + bias.Reshape(broadcast);
            return y;
        }
    }

    private static void UpdateRunning(Tensor runningMean, Tensor runningVar, Tensor mean, Tensor variance, float momentum, int count)
    {
        var rm = runningMean.AsSpan();
        var rv = runningVar.AsSpan();
        var bm = mean.AsSpan();
        var bv = variance.AsSpan();
        var unbias = (float)count / (count - 1);
        for (var c = 0; c < rm.Length; c++)
        {
            rm[c] = (1f - momentum) * rm[c] + momentum * bm[c];
            rv[c] = (1f - momentum) * rv[c] + momentum * bv[c] * unbias;
        }
    }

    private static void CheckChannelVector(Tensor? t, int channels, string what)
    {
        if (t is not null && (t.Rank != 1 || t.Size(0) != channels))
            throw new ArgumentException($"batch norm {what} of shape {ShapeUtil.Format(t.Shape)} does not match {channels} channels");
    }
}
