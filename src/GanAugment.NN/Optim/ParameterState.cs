namespace GanAugment.NN.Optim;

/// <summary>
/// The state an optimizer keeps for one parameter, created at the parameter's first step: the
/// number of steps taken with a gradient and the buffers (moments, momentum), each as long as
/// the parameter, in the order of the optimizer's buffer names.
/// </summary>
internal sealed class ParameterState
{
    public ParameterState(long step, float[][] buffers)
    {
        Step = step;
        Buffers = buffers;
    }

    public long Step { get; set; }

    public float[][] Buffers { get; }
}
