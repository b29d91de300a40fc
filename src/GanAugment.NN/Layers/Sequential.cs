using GanAugment.Tensors;

namespace GanAugment.NN;

/// <summary>
/// Layers applied one after another (PyTorch <c>nn.Sequential</c>). Children are named by their
/// index, so a Sequential field "main" gives parameter names like "main.0.weight".
/// </summary>
public class Sequential : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor>[] _layers;

    public Sequential(params Module<Tensor, Tensor>[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        for (var i = 0; i < layers.Length; i++)
            if (layers[i] is null) throw new ArgumentNullException(nameof(layers), $"layer {i} of a Sequential is null");
        _layers = (Module<Tensor, Tensor>[])layers.Clone();
    }

    public Sequential(IEnumerable<Module<Tensor, Tensor>> layers) : this([.. layers]) { }

    public int Count => _layers.Length;

    public Module<Tensor, Tensor> this[int index] => _layers[index];

    public override IEnumerable<(string Name, Module Module)> NamedChildren()
    {
        for (var i = 0; i < _layers.Length; i++) yield return (i.ToString(System.Globalization.CultureInfo.InvariantCulture), _layers[i]);
    }

    public override Tensor Forward(Tensor input)
    {
        var x = input;
        // Call, not Forward, so that a ModuleSummary sees each layer.
        foreach (var layer in _layers) x = layer.Call(x);
        return x;
    }
}
