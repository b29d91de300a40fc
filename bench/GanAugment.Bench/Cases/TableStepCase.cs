using System.Globalization;
using System.Runtime;
using GanAugment.Data.Tables;
using GanAugment.Gans;
using GanAugment.Gans.Training;
using GanAugment.Tensors;

namespace GanAugment.Bench.Cases;

/// <summary>
/// One training step (critic update + generator update) of <c>table-wgan-gp</c> with its defaults
/// (pac 10, residual G and critic of 256, 256), batch 500, on a synthetic table of credit-g's
/// shape: 1,000 rows, 13 categorical columns of credit-g's cardinalities, 7 numeric columns, a
/// 70/30 target. Run as the trainer runs it (<see cref="TrainingStep.Run"/> in a tensor pool scope).
/// </summary>
public sealed class TableStepCase : IBenchCase
{
    private const int BatchSize = 500;
    private static readonly int[] Cardinalities = [4, 5, 10, 5, 5, 4, 3, 4, 3, 3, 4, 2, 2];

    private readonly TensorPool _pool = new();
    private TableData? _data;
    private GanModel? _model;
    private int[] _order = [];
    private long _steps;

    public string Name => "table-step";

    public double Flops { get; private set; }

    public string Unit => "step";

    public void Setup()
    {
        _data = new TableData(CreditShaped(1000, seed: 7), "class");
        _model = GanZoo.Create("table-wgan-gp", _data.Spec, [], new Rng(1));
        _order = GanTrainer.EpochOrder(1, 0, _data.Count);
        // NOTE: warm up until the JIT has settled, as ReferenceStepCase does.
        var compiled = JitInfo.GetCompiledMethodCount();
        for (int i = 0, quiet = 0; i < 300 && (i < 10 || quiet < 5); i++)
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
        var indices = new int[BatchSize];
        for (var i = 0; i < BatchSize; i++) indices[i] = _order[(int)((_steps * BatchSize + i) % _order.Length)];
        using (_pool.Scope())
        {
            TrainingStep.Run(_model!, _data!.Batch(indices, _model!.Range, 0), BatchSize, _steps);
            _steps++;
        }
    }

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
