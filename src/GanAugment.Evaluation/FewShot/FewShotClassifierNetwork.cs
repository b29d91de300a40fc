using GanAugment.NN;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.FewShot;

/// <summary>
/// The few-shot classifier (<see cref="FewShotClassifierOptions"/>): a 3×3 stem of 2·growth maps,
/// dense blocks of BatchNorm → ReLU → 3×3 conv (growth maps) layers, each seeing the block's input
/// and all earlier outputs, stride-2 3×3 transitions halving the channels between blocks, global
/// mean pooling, then [features, flag] → dense → ReLU → dense → class logits. The flag is 1 for a
/// batch the augmentation made and 0 for real images, so the classifier can tell them apart.
/// </summary>
internal sealed class FewShotClassifierNetwork : Module<Tensor, Tensor, Tensor>
{
    private readonly Conv2d _stem;
    private readonly Sequential[][] _blocks;
    private readonly Sequential[] _transitions;
    private readonly BatchNorm2d _norm;
    private readonly Linear _hidden;
    private readonly Linear _output;

    public FewShotClassifierNetwork(int channels, int classes, FewShotClassifierOptions options, Rng rng)
    {
        var width = 2 * options.Growth;
        _stem = new Conv2d(channels, width, 3, rng, padding: 1);
        _blocks = new Sequential[options.Blocks][];
        _transitions = new Sequential[options.Blocks - 1];
        for (var b = 0; b < options.Blocks; b++)
        {
            _blocks[b] = new Sequential[options.LayersPerBlock];
            for (var l = 0; l < options.LayersPerBlock; l++, width += options.Growth)
                _blocks[b][l] = new Sequential(new BatchNorm2d(width), new ReLU(), new Conv2d(width, options.Growth, 3, rng, padding: 1));
            if (b == options.Blocks - 1) break;
            var half = Math.Max(options.Growth, width / 2);
            _transitions[b] = new Sequential(new BatchNorm2d(width), new ReLU(), new Conv2d(width, half, 3, rng, stride: 2, padding: 1));
            width = half;
        }
        _norm = new BatchNorm2d(width);
        _hidden = new Linear(width + 1, options.Hidden, rng);
        _output = new Linear(options.Hidden, classes, rng);
    }

    /// <summary>Logits [N, classes] of images [N, C, H, W] in [-1, 1] with flags [N, 1].</summary>
    public override Tensor Forward(Tensor images, Tensor flags)
    {
        var x = _stem.Call(images);
        for (var b = 0; b < _blocks.Length; b++)
        {
            var features = new List<Tensor> { x };
            foreach (var layer in _blocks[b])
                features.Add(layer.Call(features.Count == 1 ? x : Tensor.Concat(features, 1)));
            x = Tensor.Concat(features, 1);
            if (b < _transitions.Length) x = _transitions[b].Call(x);
        }
        var pooled = _norm.Call(x).Relu().Mean([2, 3]);
        return _output.Call(_hidden.Call(Tensor.Concat([pooled, flags], 1)).Relu());
    }
}
