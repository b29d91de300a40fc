using GanAugment.NN;
using GanAugment.Tensors;

namespace GanAugment.Evaluation.Classifiers;

/// <summary>
/// The small CNN of the <see cref="DomainClassifier"/> (the Keras MNIST-convnet pattern):
/// conv 3x3 → 32, ReLU; conv 3x3 stride 2 → 64, ReLU; dropout; dense → 128, ReLU (the
/// features); dropout; dense → classes (logits). Input: images scaled to [-1, 1].
/// </summary>
internal sealed class DomainClassifierNetwork : Module<Tensor, Tensor>
{
    public const int FeatureCount = 128;

    private readonly Conv2d _conv1;
    private readonly Conv2d _conv2;
    private readonly Dropout _dropConv;
    private readonly Linear _dense;
    private readonly Dropout _dropDense;
    private readonly Linear _head;

    public DomainClassifierNetwork(int channels, int height, int width, int classes, float dropout, Rng rng)
    {
        _conv1 = new Conv2d(channels, 32, 3, rng, padding: 1);
        _conv2 = new Conv2d(32, 64, 3, rng, stride: 2, padding: 1);
        _dropConv = new Dropout(rng, dropout);
        _dense = new Linear(64 * Halved(height) * Halved(width), FeatureCount, rng);
        _dropDense = new Dropout(rng, dropout);
        _head = new Linear(FeatureCount, classes, rng);
    }

    /// <summary>The penultimate layer: 128 ReLU features per image, [N, 128].</summary>
    public Tensor Features(Tensor images)
    {
        var x = _conv1.Call(images).Relu();
        x = _conv2.Call(x).Relu();
        x = _dropConv.Call(x).Flatten();
        return _dense.Call(x).Relu();
    }

    /// <summary>Class logits of <paramref name="features"/>, [N, classes].</summary>
    public Tensor Head(Tensor features) => _head.Call(_dropDense.Call(features));

    public override Tensor Forward(Tensor images) => Head(Features(images));

    /// <summary>Output size of a 3x3 convolution with stride 2 and padding 1: ⌊(n - 1) / 2⌋ + 1.</summary>
    private static int Halved(int n) => (n - 1) / 2 + 1;
}
