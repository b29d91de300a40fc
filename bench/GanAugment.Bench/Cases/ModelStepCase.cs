using System.Globalization;
using System.Runtime;
using GanAugment.Data.Catalogue;
using GanAugment.Data.Tables;
using GanAugment.Data.TimeSeries;
using GanAugment.Gans;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Bench.Cases;

/// <summary>
/// One full training step (critic update + generator update) of a zoo model on data of its
/// modality, as the trainer runs it (<see cref="TrainingStep.Run"/> in a tensor pool scope, batches
/// in the trainer's first-epoch order). <c>table-step</c>: <c>table-wgan-gp</c> with its defaults
/// (pac 10, residual G and critic of 256, 256) at batch 500 on a seeded table of credit-g's shape
/// (1,000 rows, 13 categorical columns of credit-g's cardinalities, 7 numeric, a 70/30 target).
/// <c>rcgan-step</c>: batch 64, 30 time steps of Waves, hidden 100, one LSTM layer in G and D,
/// critic-steps=1 so that every timed step updates both networks. <c>bigan-step</c> and
/// <c>aae-step</c>: the models' MNIST defaults (BiGAN: 50-d latent, 1,024-unit G, E and D; AAE:
/// 2-d code, 1,000-unit encoder, decoder and code discriminator) at batch 128 on mnist-small.
/// <c>infogan-step</c>: InfoGAN with the paper's MNIST networks and codes at batch 64 on mnist-small.
/// <c>dagan-step</c>: <c>dagan</c> with its defaults (dense UNet 64, 64, 128, 128, DenseNet
/// critic of growth 16) at batch 32 on same-class pairs of mnist-small (28×28), critic-steps=1:
/// one critic step with the gradient penalty's double backward and one generator step.
/// </summary>
public sealed class ModelStepCase(string name, string model, Func<TrainingData> data, IReadOnlyList<KeyValuePair<string, string>> options, int batchSize) : IBenchCase
{
    private static readonly int[] Cardinalities = [4, 5, 10, 5, 5, 4, 3, 4, 3, 3, 4, 2, 2];
    private readonly TensorPool _pool = new();
    private TrainingData? _data;
    private GanModel? _model;
    private int[] _order = [];
    private long _steps;

    public string Name => name;

    public double Flops { get; private set; }

    public string Unit => "step";

    public static IEnumerable<IBenchCase> All() =>
    [
        new ModelStepCase("table-step", "table-wgan-gp", () => new TableData(CreditShaped(1000, seed: 7), "class"), [], 500),
        new ModelStepCase("dagan-step", "dagan", () => new ImagePairData(DatasetCatalogue.CreateBuiltIn().Load(new DatasetRequest("mnist-small")).Train), [new("critic-steps", "1")], 32),
        new ModelStepCase("rcgan-step", "rcgan", () => new SequenceData(Waves.Generate(1024, 1, new WavesOptions { Length = 30 }).WithAttributes([])), [new("hidden", "100"), new("critic-steps", "1")], 64),
        new ModelStepCase("bigan-step", "bigan", MnistSmall, [], 128),
        new ModelStepCase("aae-step", "aae", MnistSmall, [], 128),
        new ModelStepCase("infogan-step", "infogan", MnistSmall, [], 64),
    ];

    public void Setup()
    {
        _data = data();
        _model = GanZoo.Create(model, _data.Spec, options, new Rng(1));
        _order = GanTrainer.EpochOrder(1, 0, _data.Count);
        // NOTE: as ReferenceStepCase: warm up until 10 steps in a row compiled nothing.
        var compiled = JitInfo.GetCompiledMethodCount();
        for (int i = 0, quiet = 0; i < 1000 && (i < 20 || quiet < 10); i++)
        {
            Run();
            var now = JitInfo.GetCompiledMethodCount();
            quiet = now == compiled ? quiet + 1 : 0;
            compiled = now;
        }
        using (FlopCounter.Measure(out var counter))
        {
            Run();
            Flops = counter.Flops;
        }
    }

    public void Run()
    {
        var indices = new int[batchSize];
        for (var i = 0; i < batchSize; i++) indices[i] = _order[(int)((_steps * batchSize + i) % _order.Length)];
        using (_pool.Scope())
        {
            TrainingStep.Run(_model!, _data!.Batch(indices, _model!.Range, 0), batchSize, _steps);
            _steps++;
        }
    }

    /// <summary>The bundled mnist-small training images (as ReferenceStepCase).</summary>
    private static TrainingData MnistSmall() => new ImageData(Data.Catalogue.DatasetCatalogue.CreateBuiltIn().Load(new Data.Catalogue.DatasetRequest("mnist-small")).Train);

    /// <summary>A seeded table of credit-g's shape (values random, columns independent but for the class).</summary>
    public static Table CreditShaped(int rows, int seed)
    {
        var random = new Random(seed);
        var columns = new List<Column>();
        var good = Enumerable.Range(0, rows).Select(_ => random.NextDouble() < 0.7).ToArray();
        for (var c = 0; c < Cardinalities.Length; c++)
        {
            var k = Cardinalities[c];
            columns.Add(CategoricalColumn.FromValues($"cat{c + 1}",
                [.. Enumerable.Range(0, rows).Select(r => "v" + ((random.Next(k) + (good[r] ? 0 : c % 2)) % k).ToString(CultureInfo.InvariantCulture))]));
        }
        for (var c = 0; c < 7; c++)
        {
            var scale = Math.Pow(10, c % 4);
            columns.Add(new NumericColumn($"num{c + 1}", [.. Enumerable.Range(0, rows).Select(r => Math.Round(scale * (random.NextDouble() + (good[r] ? 0 : 0.3)) * random.NextDouble() * 4, c % 2 == 0 ? 0 : 2))]));
        }
        columns.Add(CategoricalColumn.FromValues("class", [.. good.Select(g => g ? "good" : "bad")]));
        return new Table(columns, "class", "credit-shaped");
    }
}
