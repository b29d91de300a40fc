namespace GanAugment.Tensors;

/// <summary>A scoped change of grad mode; disposing it restores the previous mode.</summary>
public readonly struct GradModeScope : IDisposable
{
    private readonly bool _previous;

    internal GradModeScope(bool enabled)
    {
        _previous = Autograd.IsEnabled;
        Autograd.SetEnabled(enabled);
    }

    public void Dispose() => Autograd.SetEnabled(_previous);
}
