using GanAugment.Data.Images;
using GanAugment.Tensors;

namespace GanAugment.Gans.Training;

/// <summary>
/// The full training step (D update + G update) of the two reference networks of the speed
/// issue, on real images: the MLP GAN of the MLP seed (D on 64 real + 64 generated, G on 64)
/// and the AC-GAN of the AC-GAN seed (D on 32 real then 32 generated, G on 64). Each call of
/// <see cref="Next"/> is one <see cref="TrainingStep.Run"/> in a tensor pool scope, as
/// <see cref="GanTrainer"/> runs it, on the batches of the trainer's first epoch with the same
/// seed; the benchmark times this object.
/// </summary>
public sealed class ReferenceStep
{
    private readonly ImageData _data;
    private readonly int _batchSize;
    private readonly TensorPool _pool = new();
    private readonly int[] _order;
    private long _steps;

    private ReferenceStep(string model, ImageDataset data, ulong seed)
    {
        _data = new ImageData(data);
        Model = GanZoo.Create(model, _data.Spec, [], new Rng(seed));
        _batchSize = 64;
        _order = GanTrainer.EpochOrder(seed, 0, data.Count);
    }

    public static ReferenceStep MlpGan(ImageDataset data, ulong seed = 1) => new("gan", data, seed);

    public static ReferenceStep AcGan(ImageDataset data, ulong seed = 1) => new("acgan", data, seed);

    public GanModel Model { get; }

    /// <summary>Runs the next training step and returns its losses.</summary>
    public StepLosses Next()
    {
        var per = Model.RealPerStep(_batchSize);
        var indices = new int[per];
        for (var i = 0; i < per; i++) indices[i] = _order[(int)((_steps * per + i) % _order.Length)];
        using (_pool.Scope())
        {
            var losses = TrainingStep.Run(Model, _data.Batch(indices, Model.Range, 0), _batchSize, _steps);
            _steps++;
            return losses;
        }
    }
}
