using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace GanAugment.Evaluation.Tables;

/// <summary>The two ML.NET learners of the table evaluation.</summary>
public enum TableLearner
{
    /// <summary>LightGBM gradient-boosted trees (<c>LightGbmMulticlassTrainer</c>, ML.NET's defaults).</summary>
    GradientBoostedTrees,

    /// <summary>Multinomial logistic regression by L-BFGS on standardised features (<c>LbfgsMaximumEntropy</c>).</summary>
    LogisticRegression,
}

/// <summary>
/// A multi-class ML.NET classifier on encoded rows (<see cref="TableFeatures"/>), two classes
/// included, so binary and multi-class targets take one path. Single-threaded and seeded, so a seed
/// gives the same model. A training set of one class gives a classifier that always says that class.
/// </summary>
public sealed class TableClassifier
{
    private readonly MLContext _ml;
    private readonly ITransformer? _model;
    private readonly int _classes;
    private readonly int _onlyClass;
    private readonly int _width;

    private TableClassifier(MLContext ml, ITransformer? model, int classes, int onlyClass, int width) =>
        (_ml, _model, _classes, _onlyClass, _width) = (ml, model, classes, onlyClass, width);

    public static TableClassifier Train(TableLearner learner, float[][] features, int[] labels, int classes, int seed)
    {
        if (features.Length != labels.Length) throw new ArgumentException($"{features.Length} rows for {labels.Length} labels");
        if (features.Length == 0) throw new ArgumentException("no rows to train a classifier on");
        var width = features[0].Length;
        var ml = new MLContext(seed);
        if (labels.Distinct().Count() == 1) return new TableClassifier(ml, null, classes, labels[0], width);
        var data = View(ml, features, labels, classes, width);
        IEstimator<ITransformer> pipeline = learner switch
        {
            TableLearner.GradientBoostedTrees => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                NumberOfThreads = 1,
                Seed = seed,
                Silent = true,
            }),
            _ => ml.Transforms.NormalizeMeanVariance(nameof(Row.Features))
                .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
                {
                    NumberOfThreads = 1,
                })),
        };
        return new TableClassifier(ml, pipeline.Fit(data), classes, -1, width);
    }

    /// <summary>The probability of every class for every row, indexed like the classes.</summary>
    public double[][] Probabilities(float[][] features)
    {
        if (_model is null) return [.. features.Select(_ => OneHot(_onlyClass))];
        var scored = _model.Transform(View(_ml, features, new int[features.Length], _classes, _width));
        var column = scored.Schema["Score"];
        var probabilities = new List<double[]>(features.Length);
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            probabilities.Add(Pad(buffer.DenseValues().ToArray()));
        }
        return [.. probabilities];
    }

    /// <summary>The most probable class of every row.</summary>
    public int[] Predict(float[][] features) => [.. Probabilities(features).Select(ArgMax)];

    internal static int ArgMax(double[] p)
    {
        var best = 0;
        for (var c = 1; c < p.Length; c++)
            if (p[c] > p[best]) best = c;
        return best;
    }

    // NOTE: the score vector follows the label key's values 1..K; a trainer that saw fewer classes
    // may return a shorter vector, whose missing classes get probability 0.
    private double[] Pad(float[] scores)
    {
        var p = new double[_classes];
        for (var c = 0; c < Math.Min(_classes, scores.Length); c++) p[c] = scores[c];
        return p;
    }

    private double[] OneHot(int c)
    {
        var p = new double[_classes];
        p[c] = 1;
        return p;
    }

    private static IDataView View(MLContext ml, float[][] features, int[] labels, int classes, int width)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), classes);
        // NOTE: ML.NET keys are 1-based (0 is the missing key), but a key read from a .NET object is
        // given 0-based and shifted by the loader: class c is passed as c, not c + 1.
        var rows = features.Select((f, i) => new Row { Features = f, Label = (uint)labels[i] }).ToList();
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>One row as ML.NET reads it (public: ML.NET reads rows through generated accessors).</summary>
    public sealed class Row
    {
        public uint Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
