using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// BAGAN's class-conditional latent generator (Mariani et al. 2018, §3.2): for each class c the
/// mean μ_c and covariance Σ_c of the encoder's codes of that class's training images; a latent
/// for class c is μ_c + L_c·z with z ~ N(0, I) and L_c the Cholesky factor of Σ_c (plus a small
/// ridge when Σ_c is singular, as it is for a class with fewer images than latent dimensions).
/// The statistics are buffers, so checkpoints carry them.
/// </summary>
public sealed class BaganLatent : Module
{
    private readonly Tensor _means;
    private readonly Tensor _covariances;
    private readonly Tensor _factors;
    private readonly Tensor _ridges;
    private readonly Tensor _counts;

    public BaganLatent(int classes, int latentDim)
    {
        if (classes < 1 || latentDim < 1) throw new ArgumentOutOfRangeException(nameof(classes), $"need classes and latent size ≥ 1, got {classes} and {latentDim}");
        Classes = classes;
        LatentDim = latentDim;
        _means = Tensor.Zeros(classes, latentDim);
        _covariances = Tensor.Zeros(classes, latentDim, latentDim);
        _factors = Tensor.Zeros(classes, latentDim, latentDim);
        _ridges = Tensor.Zeros(classes);
        _counts = Tensor.Zeros(classes);
        // Until fitted, every class is N(0, I).
        for (var c = 0; c < classes; c++)
            for (var i = 0; i < latentDim; i++)
            {
                _covariances.AsSpan()[(c * latentDim + i) * latentDim + i] = 1f;
                _factors.AsSpan()[(c * latentDim + i) * latentDim + i] = 1f;
            }
    }

    public int Classes { get; }

    public int LatentDim { get; }

    /// <summary>μ of every class, [C, L].</summary>
    public Tensor Means => _means;

    /// <summary>Σ of every class, [C, L, L].</summary>
    public Tensor Covariances => _covariances;

    /// <summary>The ridge λ added to each class's Σ before its Cholesky factorisation (0 where none was needed).</summary>
    public IReadOnlyList<float> Ridges => _ridges.ToArray();

    /// <summary>How many codes each class was fitted on.</summary>
    public IReadOnlyList<int> Counts => [.. _counts.ToArray().Select(v => (int)v)];

    /// <summary>Fits μ_c, Σ_c and L_c to the <paramref name="codes"/> (N×L, row-major) of images with <paramref name="labels"/>.</summary>
    public void Fit(ReadOnlySpan<float> codes, IReadOnlyList<int> labels)
    {
        if (codes.Length != labels.Count * LatentDim)
            throw new ArgumentException($"{codes.Length} code values are not {labels.Count} codes of {LatentDim}");
        var members = new List<int>[Classes];
        for (var c = 0; c < Classes; c++) members[c] = [];
        for (var i = 0; i < labels.Count; i++) members[labels[i]].Add(i);
        var l = LatentDim;
        var mean = new double[l];
        var covariance = new double[l * l];
        var factor = new double[l * l];
        for (var c = 0; c < Classes; c++)
        {
            if (members[c].Count == 0)
                throw new ArgumentException($"class {c} has no training images: BAGAN fits a latent distribution per class and needs at least one image of each");
            var rows = new float[members[c].Count * l];
            for (var r = 0; r < members[c].Count; r++) codes.Slice(members[c][r] * l, l).CopyTo(rows.AsSpan(r * l, l));
            MultivariateNormal.Mean(rows, members[c].Count, l, mean);
            MultivariateNormal.Covariance(rows, members[c].Count, l, mean, covariance);
            _ridges.AsSpan()[c] = (float)MultivariateNormal.CholeskyWithRidge(covariance, l, factor);
            _counts.AsSpan()[c] = members[c].Count;
            Copy(mean, _means.AsSpan().Slice(c * l, l));
            Copy(covariance, _covariances.AsSpan().Slice(c * l * l, l * l));
            Copy(factor, _factors.AsSpan().Slice(c * l * l, l * l));
        }
    }

    /// <summary>μ_y + L_y·z for each row z of <paramref name="noise"/> [N, L] and class y of <paramref name="labels"/>.</summary>
    public Tensor Transform(Tensor noise, int[] labels)
    {
        var n = noise.Size(0);
        if (noise.Rank != 2 || noise.Size(1) != LatentDim || labels.Length != n)
            throw new ArgumentException($"need noise [N, {LatentDim}] and N labels, got {ShapeUtil.Format(noise.Shape)} and {labels.Length}");
        var scaled = (_factors.IndexSelect(0, labels) * noise.Reshape(n, 1, LatentDim)).Sum(2);
        return _means.IndexSelect(0, labels) + scaled;
    }

    /// <summary>
    /// <see cref="Transform"/> in ONNX: μ_y + Σ_j L_y[:, j]·z_j from noise [N, L] and int64 labels [N]
    /// (Gather of the class's μ and L, then the same product and sum).
    /// </summary>
    public string ExportOnnx(OnnxModuleExporter exporter, string noise, string label)
    {
        var g = exporter.Graph;
        var factors = g.Node("Gather", [exporter.Weight(this, "factors", _factors), label], OnnxAttribute.Int("axis", 0));
        var rows = g.Node("Unsqueeze", [noise, g.Int64s("axis_1", 1)]);
        var scaled = g.Node("ReduceSum", [g.Node("Mul", [factors, rows]), g.Int64s("axis_2", 2)], OnnxAttribute.Int("keepdims", 0));
        var means = g.Node("Gather", [exporter.Weight(this, "means", _means), label], OnnxAttribute.Int("axis", 0));
        return g.Node("Add", [means, scaled]);
    }

    private static void Copy(ReadOnlySpan<double> source, Span<float> destination)
    {
        for (var i = 0; i < source.Length; i++) destination[i] = (float)source[i];
    }
}
