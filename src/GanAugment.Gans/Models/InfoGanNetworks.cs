using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// InfoGAN's MNIST generator (Chen et al. 2016, Table 1 of the appendix): [z | c] → FC 1024, BN,
/// ReLU → FC 128·S·S, BN, ReLU → 4x4 upconv 64 (stride 2), BN, ReLU → 4x4 upconv C (stride 2) →
/// sigmoid (the reference's Bernoulli mean), with S = H/4.
/// </summary>
internal sealed class InfoGanImageGenerator : Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Sequential _dense;
    private readonly Sequential _upsample;
    private readonly int _channels;
    private readonly int _start;

    public InfoGanImageGenerator(ImageSpec spec, int inFeatures, InfoGanOptions o, Rng rng)
    {
        _start = InfoGanShapes.StartResolution(spec);
        _channels = 2 * o.Width;
        _dense = new Sequential(
            new Linear(inFeatures, o.DenseWidth, rng), new BatchNorm1d(o.DenseWidth), new ReLU(),
            new Linear(o.DenseWidth, _channels * _start * _start, rng), new BatchNorm1d(_channels * _start * _start), new ReLU());
        _upsample = new Sequential(
            new ConvTranspose2d(_channels, o.Width, 4, rng, stride: 2, padding: 1), new BatchNorm2d(o.Width), new ReLU(),
            new ConvTranspose2d(o.Width, spec.Channels, 4, rng, stride: 2, padding: 1), new Sigmoid());
        KerasInit.NormalKernels(this, rng, o.InitStd, except: null);
    }

    public override Tensor Forward(Tensor input) =>
        _upsample.Call(_dense.Call(input).Reshape(input.Size(0), _channels, _start, _start));

    public string ExportOnnx(OnnxModuleExporter exporter, string input) =>
        exporter.Apply(_upsample, exporter.Graph.Node("Reshape", [exporter.Apply(_dense, input), exporter.Graph.Int64s("maps_shape", -1, _channels, _start, _start)]));
}

/// <summary>
/// The body D and Q share for images (the paper's Table 1): 4x4 conv 64 (stride 2), LeakyReLU 0.1
/// → 4x4 conv 128 (stride 2), BN, LeakyReLU → FC 1024, BN, LeakyReLU. Its output is the feature
/// vector that <c>ganaug encode</c> writes.
/// </summary>
internal static class InfoGanBodies
{
    public static Sequential Image(ImageSpec spec, InfoGanOptions o, Rng rng)
    {
        var side = InfoGanShapes.StartResolution(spec);
        var s = o.LeakySlope;
        var body = new Sequential(
            new Conv2d(spec.Channels, o.Width, 4, rng, stride: 2, padding: 1), new LeakyReLU(s),
            new Conv2d(o.Width, 2 * o.Width, 4, rng, stride: 2, padding: 1), new BatchNorm2d(2 * o.Width), new LeakyReLU(s),
            new Flatten(),
            new Linear(2 * o.Width * side * side, o.DenseWidth, rng), new BatchNorm1d(o.DenseWidth), new LeakyReLU(s));
        KerasInit.NormalKernels(body, rng, o.InitStd, except: null);
        return body;
    }

    /// <summary>For table rows: the same pattern as an MLP, FC width, LeakyReLU → FC width, BN, LeakyReLU.</summary>
    public static Sequential Table(TableSpec spec, InfoGanOptions o, Rng rng)
    {
        var body = new Sequential(
            new Linear(spec.Width, o.TableWidth, rng), new LeakyReLU(o.LeakySlope),
            new Linear(o.TableWidth, o.TableWidth, rng), new BatchNorm1d(o.TableWidth), new LeakyReLU(o.LeakySlope));
        KerasInit.NormalKernels(body, rng, o.InitStd, except: null);
        return body;
    }

    /// <summary>
    /// The table generator: [z | c] → FC width, BN, ReLU → FC width, BN, ReLU → FC to the encoded
    /// row's logits (the model applies <see cref="TableActivation"/>: tanh or softmax per block).
    /// </summary>
    public static Sequential TableGenerator(TableSpec spec, int inFeatures, InfoGanOptions o, Rng rng)
    {
        var g = new Sequential(
            new Linear(inFeatures, o.TableWidth, rng), new BatchNorm1d(o.TableWidth), new ReLU(),
            new Linear(o.TableWidth, o.TableWidth, rng), new BatchNorm1d(o.TableWidth), new ReLU(),
            new Linear(o.TableWidth, spec.Width, rng));
        KerasInit.NormalKernels(g, rng, o.InitStd, except: null);
        return g;
    }
}

/// <summary>
/// D and Q on one shared body: D's head is FC 1 (a logit), Q's head FC 128, BN, LeakyReLU → FC to
/// the code distribution's parameters [categorical logits | means | log-stds when learned].
/// </summary>
internal sealed class InfoGanDiscriminator : Module<Tensor, (Tensor Source, Tensor Q)>
{
    private readonly Sequential _body;
    private readonly Linear _source;
    private readonly Sequential _q;

    public InfoGanDiscriminator(Sequential body, int features, int qOutputs, InfoGanOptions o, Rng rng)
    {
        _body = body;
        FeatureSize = features;
        _source = new Linear(features, 1, rng);
        _q = new Sequential(new Linear(features, o.QWidth, rng), new BatchNorm1d(o.QWidth), new LeakyReLU(o.LeakySlope), new Linear(o.QWidth, qOutputs, rng));
        KerasInit.NormalKernels(_source, rng, o.InitStd, except: null);
        KerasInit.NormalKernels(_q, rng, o.InitStd, except: null);
    }

    /// <summary>Width of the shared body's output.</summary>
    public int FeatureSize { get; }

    public Tensor Features(Tensor x) => _body.Call(x);

    public override (Tensor Source, Tensor Q) Forward(Tensor x)
    {
        var f = _body.Call(x);
        return (_source.Call(f), _q.Call(f));
    }
}

/// <summary>The map sizes of InfoGAN's image networks, derived from the image side.</summary>
internal static class InfoGanShapes
{
    /// <summary>Side of G's first maps and of D's last: H/4 (28 → 7).</summary>
    public static int StartResolution(ImageSpec spec)
    {
        if (spec.Height != spec.Width || spec.Height % 4 != 0 || spec.Height < 4)
            throw new ArgumentException($"infogan needs square images whose side is a multiple of 4 (28, 32, 64, ...), got {spec.Height}x{spec.Width}");
        return spec.Height / 4;
    }
}

/// <summary>
/// The mutual-information term of InfoGAN: the negative variational lower bound −E[log Q(c|x)] of
/// I(c; G(z, c)) up to the constant entropy H(c), per code kind. G and Q both minimise it
/// (λ·L_I in the paper's objective min_{G,Q} max_D V(D, G) − λ·L_I(G, Q)).
/// </summary>
public static class InformationLoss
{
    private const float HalfLogTwoPi = 0.918938533f; // ½·log(2π)

    /// <summary>−(1/N)·Σ_i log softmax(l_i)[c_i]: the cross-entropy of Q's logits [N, K] against the drawn categories.</summary>
    public static Tensor Categorical(Tensor logits, int[] categories) => NN.Losses.CrossEntropy(logits, categories);

    /// <summary>
    /// −(1/N)·Σ_i Σ_j log N(c_ij; μ_ij, σ_ij²) = (1/N)·Σ_i Σ_j [(c_ij − μ_ij)² / (2σ_ij²) + log σ_ij + ½·log 2π]:
    /// the Gaussian negative log-likelihood of the continuous codes [N, C] under Q's means, summed
    /// over codes and averaged over samples. <paramref name="logStd"/> null fixes σ = 1, as the
    /// reference's MNIST experiment does (<c>fix_std=True</c>).
    /// </summary>
    public static Tensor Gaussian(Tensor mean, Tensor? logStd, Tensor codes)
    {
        var n = codes.Size(0);
        var error = codes - mean;
        var perCode = logStd is null
            ? 0.5f * error.Square() + HalfLogTwoPi
            : 0.5f * (error / logStd.Exp()).Square() + logStd + HalfLogTwoPi;
        return perCode.Sum() * (1f / n);
    }
}
