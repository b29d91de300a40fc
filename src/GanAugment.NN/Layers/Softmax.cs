using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>e^x / Σ e^x along <see cref="Dim"/>. A classifier trained with <see cref="Losses.CrossEntropy"/> should not end with it.</summary>
public sealed class Softmax : Module<Tensor, Tensor>
{
    public Softmax(int dim) => Dim = dim;

    public int Dim { get; }

    public override Tensor Forward(Tensor input) => input.Softmax(Dim);
}
