using GanAugment.NN;
using GanAugment.NN.Onnx;
using GanAugment.Tensors;

namespace GanAugment.Gans.Models;

/// <summary>
/// A dense block (Huang et al. 2017, https://arxiv.org/abs/1608.06993): layer i sees the
/// channel concatenation of the block's input and the outputs of layers 0..i-1; the block returns
/// that concatenation with the last layer's output appended, so it has
/// <c>inChannels + layers·growth</c> channels.
/// </summary>
internal sealed class DenseBlock : Module<Tensor, Tensor>, IOnnxExportable
{
    private readonly Module<Tensor, Tensor>[] _layers;

    public DenseBlock(int inChannels, int growth, int layers, Func<int, int, Module<Tensor, Tensor>> layer)
    {
        _layers = [.. Enumerable.Range(0, layers).Select(i => layer(inChannels + i * growth, growth))];
        OutChannels = inChannels + layers * growth;
    }

    public int OutChannels { get; }

    public override Tensor Forward(Tensor input)
    {
        var features = new List<Tensor>(_layers.Length + 1) { input };
        foreach (var layer in _layers)
            features.Add(layer.Call(features.Count == 1 ? input : Tensor.Concat(features, 1)));
        return Tensor.Concat(features, 1);
    }

    public string ExportOnnx(OnnxModuleExporter exporter, string input)
    {
        var features = new List<string>(_layers.Length + 1) { input };
        foreach (var layer in _layers)
            features.Add(exporter.Apply(layer, features.Count == 1 ? input : exporter.Graph.Node("Concat", [.. features], OnnxAttribute.Int("axis", 1))));
        return exporter.Graph.Node("Concat", [.. features], OnnxAttribute.Int("axis", 1));
    }
}

/// <summary>
/// DAGAN's generator (Antoniou et al. 2017, https://arxiv.org/abs/1711.04340, Fig. 2): a UNet
/// whose levels are dense blocks. Encoder level i turns its input into a dense block of
/// <c>layers − 1</c> 3×3 layers of <c>widths[i]</c> maps (the skip to the decoder) and then a
/// stride-2 3×3 transition to <c>widths[i]</c> maps. The decoder mirrors it: at each level the
/// maps are upsampled ×2 (nearest, cropped to the skip's size so 7×7 and other odd sides work),
/// concatenated with the skip and, at the first <c>noiseMaps.Length</c> decoder inputs (the
/// bottleneck first), with the noise z projected by a linear layer to <c>noiseMaps[k]</c> maps of
/// that size; then a dense block and a stride-1 3×3 transition. A 3×3 convolution and tanh give the
/// image. Hidden layers: conv → BatchNorm → LeakyReLU 0.2 → dropout.
/// </summary>
internal sealed class DaganGenerator : Module<Tensor, Tensor, Tensor>
{
    private readonly DenseBlock[] _encoders;
    private readonly Sequential[] _downs;
    private readonly DenseBlock[] _decoders;
    private readonly Sequential[] _ups;
    private readonly Linear[] _noise;
    private readonly Conv2d _output;
    private readonly int[] _sides;
    private readonly int[] _noiseMaps;

    public DaganGenerator(ImageSpec spec, int latentDim, int[] widths, int layers, int[] noiseMaps, float dropout, Rng rng, Rng dropoutRng)
    {
        if (noiseMaps.Length > widths.Length) throw new ArgumentException($"dagan has {widths.Length} decoder levels, so at most {widths.Length} noise injections, got {noiseMaps.Length}");
        var depth = widths.Length;
        _noiseMaps = noiseMaps;
        _sides = new int[depth + 1];
        _sides[0] = spec.Height;
        for (var i = 0; i < depth; i++) _sides[i + 1] = (_sides[i] + 1) / 2;
        if (spec.Height != spec.Width || _sides[depth] < 1 || _sides[depth - 1] < 2)
            throw new ArgumentException($"dagan needs square images of side at least 2^{depth}, got {spec.Height}x{spec.Width}");

        var dense = layers - 1; // the last of a level's layers is its transition
        Sequential Layer(int cin, int cout, int stride) => Hidden(cin, cout, stride, dropout, rng, dropoutRng);
        _encoders = new DenseBlock[depth];
        _downs = new Sequential[depth];
        var skips = new int[depth];
        var channels = spec.Channels;
        for (var i = 0; i < depth; i++)
        {
            _encoders[i] = new DenseBlock(channels, widths[i], dense, (cin, g) => Layer(cin, g, 1));
            skips[i] = _encoders[i].OutChannels;
            _downs[i] = Layer(skips[i], widths[i], 2);
            channels = widths[i];
        }
        _noise = [.. noiseMaps.Select((maps, k) => new Linear(latentDim, maps * _sides[depth - k] * _sides[depth - k], rng))];
        _decoders = new DenseBlock[depth];
        _ups = new Sequential[depth];
        channels += noiseMaps.Length > 0 ? noiseMaps[0] : 0; // the bottleneck's injection
        for (var i = depth - 1; i >= 0; i--)
        {
            var k = depth - i; // the injection at this level's side
            var cin = channels + skips[i] + (k < noiseMaps.Length ? noiseMaps[k] : 0);
            _decoders[i] = new DenseBlock(cin, widths[i], dense, (c, g) => Layer(c, g, 1));
            _ups[i] = Layer(_decoders[i].OutChannels, widths[i], 1);
            channels = widths[i];
        }
        _output = new Conv2d(channels, spec.Channels, 3, rng, padding: 1);
    }

    /// <summary>The image side at each encoder level, the input first and the bottleneck last.</summary>
    public IReadOnlyList<int> Sides => _sides;

    /// <summary>G(source [N, C, H, W], z [N, latent]) → [N, C, H, W] in [-1, 1].</summary>
    public override Tensor Forward(Tensor source, Tensor z)
    {
        var depth = _encoders.Length;
        var n = source.Size(0);
        var skips = new Tensor[depth];
        var x = source;
        for (var i = 0; i < depth; i++)
        {
            skips[i] = _encoders[i].Call(x);
            x = _downs[i].Call(skips[i]);
        }
        if (_noise.Length > 0) x = Tensor.Concat([x, NoiseMaps(0, z, n)], 1);
        for (var i = depth - 1; i >= 0; i--)
        {
            var side = _sides[i];
            // NOTE: nearest ×2 then crop: 4 → 8 → 7 puts the 4×4 maps on the 7×7 grid of the skip.
            var up = x.UpsampleNearest(2).Narrow(2, 0, side).Narrow(3, 0, side);
            var k = depth - i;
            x = Tensor.Concat(k < _noise.Length ? [up, skips[i], NoiseMaps(k, z, n)] : [up, skips[i]], 1);
            x = _ups[i].Call(_decoders[i].Call(x));
        }
        return _output.Call(x).Tanh();
    }

    /// <summary>The forward in ONNX from the source image [N, C, H, W] and z [N, latent].</summary>
    public string ExportOnnx(OnnxModuleExporter e, string source, string z)
    {
        var (g, depth) = (e.Graph, _encoders.Length);
        var skips = new string[depth];
        var x = source;
        for (var i = 0; i < depth; i++)
        {
            skips[i] = e.Apply(_encoders[i], x);
            x = e.Apply(_downs[i], skips[i]);
        }
        var axis1 = OnnxAttribute.Int("axis", 1);
        if (_noise.Length > 0) x = g.Node("Concat", [x, NoiseMaps(e, 0, z)], axis1);
        for (var i = depth - 1; i >= 0; i--)
        {
            var side = _sides[i];
            var up = g.Node("Slice", [e.UpsampleNearest(x, 2), g.Int64s("starts", 0, 0), g.Int64s("ends", side, side), g.Int64s("axes", 2, 3)]);
            var k = depth - i;
            x = g.Node("Concat", k < _noise.Length ? [up, skips[i], NoiseMaps(e, k, z)] : [up, skips[i]], axis1);
            x = e.Apply(_ups[i], e.Apply(_decoders[i], x));
        }
        return g.Node("Tanh", [e.Apply(_output, x)]);
    }

    private string NoiseMaps(OnnxModuleExporter e, int k, string z)
    {
        var side = _sides[_encoders.Length - k];
        return e.Graph.Node("Reshape", [e.Apply(_noise[k], z), e.Graph.Int64s("noise_maps_shape", -1, _noiseMaps[k], side, side)]);
    }

    private Tensor NoiseMaps(int k, Tensor z, int n)
    {
        var side = _sides[_encoders.Length - k];
        return _noise[k].Call(z).Reshape(n, _noiseMaps[k], side, side);
    }

    private static Sequential Hidden(int cin, int cout, int stride, float dropout, Rng rng, Rng dropoutRng)
    {
        var layers = new List<Module<Tensor, Tensor>>
        {
            new Conv2d(cin, cout, 3, rng, stride: stride, padding: 1, bias: false), new BatchNorm2d(cout), new LeakyReLU(0.2f),
        };
        if (dropout > 0f) layers.Add(new Dropout(dropoutRng, dropout));
        return new Sequential(layers);
    }
}

/// <summary>
/// DAGAN's critic: a DenseNet on the channel concatenation of (source, target). A 3×3 stem of
/// 2·growth maps, then <c>blocks</c> dense blocks of <c>layers</c> pre-activation layers
/// (LayerNorm over C·H·W → LeakyReLU 0.2 → 3×3 conv of <c>growth</c> maps), with a stride-2 3×3
/// transition that halves the channels between blocks; LayerNorm, LeakyReLU, the spatial mean and
/// a linear layer give one score. No batch norm: the gradient penalty is per sample
/// (Gulrajani et al. 2017 §4), so nothing may mix the samples of a batch.
/// </summary>
internal sealed class DaganCritic : Module<Tensor, Tensor, Tensor>
{
    private readonly Conv2d _stem;
    private readonly DenseBlock[] _blocks;
    private readonly Sequential[] _transitions;
    private readonly LayerNorm _norm;
    private readonly Linear _score;

    public DaganCritic(ImageSpec spec, int blocks, int layers, int growth, Rng rng)
    {
        var side = spec.Height;
        var channels = 2 * growth;
        _stem = new Conv2d(2 * spec.Channels, channels, 3, rng, padding: 1);
        _blocks = new DenseBlock[blocks];
        _transitions = new Sequential[blocks - 1];
        for (var b = 0; b < blocks; b++)
        {
            var s = side;
            _blocks[b] = new DenseBlock(channels, growth, layers, (cin, g) => new Sequential(
                new LayerNorm([cin, s, s]), new LeakyReLU(0.2f), new Conv2d(cin, g, 3, rng, padding: 1)));
            channels = _blocks[b].OutChannels;
            if (b == blocks - 1) break;
            var half = Math.Max(growth, channels / 2);
            _transitions[b] = new Sequential(new LayerNorm([channels, side, side]), new LeakyReLU(0.2f), new Conv2d(channels, half, 3, rng, stride: 2, padding: 1));
            (channels, side) = (half, (side + 1) / 2);
        }
        _norm = new LayerNorm([channels, side, side]);
        _score = new Linear(channels, 1, rng);
    }

    /// <summary>D(source, target) → [N, 1] scores.</summary>
    public override Tensor Forward(Tensor source, Tensor target)
    {
        var x = _stem.Call(Tensor.Concat([source, target], 1));
        for (var b = 0; b < _blocks.Length; b++)
        {
            x = _blocks[b].Call(x);
            if (b < _transitions.Length) x = _transitions[b].Call(x);
        }
        var features = _norm.Call(x).LeakyRelu(0.2f).Mean([2, 3]);
        return _score.Call(features);
    }
}
