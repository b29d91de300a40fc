using GanAugment.Tensors.Kernels;

namespace GanAugment.Bench.Cases;

/// <summary>The three kernels a convolution layer runs per training step.</summary>
public enum ConvPass
{
    /// <summary><see cref="Conv2dKernels.Forward"/>.</summary>
    Forward,

    /// <summary><see cref="Conv2dKernels.InputGrad"/> (also the forward of a transposed convolution).</summary>
    InputGrad,

    /// <summary><see cref="Conv2dKernels.WeightGrad"/>.</summary>
    WeightGrad,
}

/// <summary>One convolution kernel call at a layer's geometry; FLOPs as the equivalent GEMM (2·N·Cout·Ho·Wo·Cin·kh·kw).</summary>
public sealed class ConvCase(string name, ConvGeometry geometry, ConvPass pass) : IBenchCase
{
    private float[] _input = [];
    private float[] _weightOrGrad = [];
    private float[] _output = [];

    public string Name { get; } = name;

    public double Flops => geometry.Flops;

    /// <summary>Forward, input-gradient and weight-gradient passes of a Conv2d layer.</summary>
    public static IEnumerable<ConvCase> Conv(string label, ConvGeometry g)
    {
        yield return new ConvCase($"{label} fwd", g, ConvPass.Forward);
        yield return new ConvCase($"{label} dX", g, ConvPass.InputGrad);
        yield return new ConvCase($"{label} dW", g, ConvPass.WeightGrad);
    }

    /// <summary>
    /// Forward, input-gradient and weight-gradient passes of a ConvTranspose2d layer described by
    /// the equivalent convolution <paramref name="g"/> (whose input is the transposed output).
    /// </summary>
    public static IEnumerable<ConvCase> ConvTranspose(string label, ConvGeometry g)
    {
        yield return new ConvCase($"{label} fwd", g, ConvPass.InputGrad);
        yield return new ConvCase($"{label} dX", g, ConvPass.Forward);
        yield return new ConvCase($"{label} dW", g, ConvPass.WeightGrad);
    }

    public void Setup()
    {
        geometry.Validate();
        switch (pass)
        {
            case ConvPass.Forward:
                (_input, _weightOrGrad, _output) = (Data(geometry.InputLength, 1), Data(geometry.WeightLength, 2), new float[geometry.OutputLength]);
                break;
            case ConvPass.InputGrad:
                (_input, _weightOrGrad, _output) = (Data(geometry.OutputLength, 1), Data(geometry.WeightLength, 2), new float[geometry.InputLength]);
                break;
            default:
                (_input, _weightOrGrad, _output) = (Data(geometry.InputLength, 1), Data(geometry.OutputLength, 2), new float[geometry.WeightLength]);
                break;
        }
    }

    public void Run()
    {
        switch (pass)
        {
            case ConvPass.Forward:
                Conv2dKernels.Forward(_input, _weightOrGrad, _output, geometry);
                break;
            case ConvPass.InputGrad:
                Conv2dKernels.InputGrad(_input, _weightOrGrad, _output, geometry);
                break;
            default:
                Conv2dKernels.WeightGrad(_input, _weightOrGrad, _output, geometry);
                break;
        }
    }

    private static float[] Data(long length, int seed) => BenchData.Uniform(length, seed);
}
