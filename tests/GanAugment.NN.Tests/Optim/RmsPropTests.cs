using GanAugment.NN.Optim;
using static GanAugment.NN.Tests.Optim.OptimTestUtil;

namespace GanAugment.NN.Tests.Optim;

public class RmsPropTests
{
    // All cases: γ = 0.01, α = 0.99, ε = 1e-8, θ0 = 1, g = 0.2 at both steps.

    [Fact]
    public void PlainSteps()
    {
        // t=1: v = 0.01·0.04 = 4e-4, √v = 0.02, θ1 = 1 − 0.01·0.2/0.02 = 0.9
        // t=2: v = 0.99·4e-4 + 4e-4 = 7.96e-4, √v = 0.0282135, θ2 = 0.9 − 0.01·7.08881 = 0.8291120
        var p = Param(1f);
        var rms = new RmsProp([p], lr: 0.01);
        StepWith(rms, p, 0.2f);
        Close(0.9, p.AsSpan()[0]);
        StepWith(rms, p, 0.2f);
        Close(0.82911195, p.AsSpan()[0]);
    }

    [Fact]
    public void CenteredSubtractsTheSquaredMeanGradient()
    {
        // t=1: v = 4e-4, ḡ = 0.01·0.2 = 0.002, v − ḡ² = 3.96e-4, √ = 0.0198997, θ1 = 1 − 0.01·10.0504 = 0.8994963
        // t=2: v = 7.96e-4, ḡ = 0.00198 + 0.002 = 0.00398, v − ḡ² = 7.801596e-4, √ = 0.0279313,
        //      θ2 = 0.8994963 − 0.01·7.16042 = 0.8278921
        var p = Param(1f);
        var rms = new RmsProp([p], lr: 0.01, centered: true);
        StepWith(rms, p, 0.2f);
        Close(0.89949627, p.AsSpan()[0]);
        StepWith(rms, p, 0.2f);
        Close(0.82789213, p.AsSpan()[0]);
    }

    [Fact]
    public void MomentumBufferStartsAtZero()
    {
        // t=1: b = 0.9·0 + 0.2/0.02 = 10, θ1 = 1 − 0.01·10 = 0.9
        // t=2: b = 0.9·10 + 0.2/0.0282135 = 9 + 7.08881 = 16.08881, θ2 = 0.9 − 0.1608881 = 0.7391120
        var p = Param(1f);
        var rms = new RmsProp([p], lr: 0.01, momentum: 0.9);
        StepWith(rms, p, 0.2f);
        Close(0.9, p.AsSpan()[0]);
        StepWith(rms, p, 0.2f);
        Close(0.739112, p.AsSpan()[0]);
    }

    [Fact]
    public void WeightDecayEntersTheSquareAverage()
    {
        // t=1: g' = 0.2 + 0.1·1 = 0.3, v = 9e-4, θ1 = 1 − 0.01·0.3/0.03 = 0.9
        // t=2: g' = 0.2 + 0.09 = 0.29, v = 0.99·9e-4 + 0.01·0.0841 = 1.732e-3, √v = 0.0416173,
        //      θ2 = 0.9 − 0.01·6.96825 = 0.8303175
        var p = Param(1f);
        var rms = new RmsProp([p], lr: 0.01, weightDecay: 0.1);
        StepWith(rms, p, 0.2f);
        StepWith(rms, p, 0.2f);
        Close(0.8303175, p.AsSpan()[0]);
    }
}
