using GanAugment.Tensors.Ops;

namespace GanAugment.Tensors;

// Element-wise math and operators. Each forwards to one primitive op in Autograd/Ops.
public partial class Tensor
{
    public static Tensor operator +(Tensor a, Tensor b) => Ops.Add.Apply(a, b);
    public static Tensor operator -(Tensor a, Tensor b) => Ops.Sub.Apply(a, b);
    public static Tensor operator *(Tensor a, Tensor b) => Ops.Mul.Apply(a, b);
    public static Tensor operator /(Tensor a, Tensor b) => Ops.Div.Apply(a, b);
    public static Tensor operator -(Tensor a) => Scale.Apply(a, -1f, 0f);
    public static Tensor operator +(Tensor a, float b) => Scale.Apply(a, 1f, b);
    public static Tensor operator +(float a, Tensor b) => Scale.Apply(b, 1f, a);
    public static Tensor operator -(Tensor a, float b) => Scale.Apply(a, 1f, -b);
    public static Tensor operator -(float a, Tensor b) => Scale.Apply(b, -1f, a);
    public static Tensor operator *(Tensor a, float b) => Scale.Apply(a, b, 0f);
    public static Tensor operator *(float a, Tensor b) => Scale.Apply(b, a, 0f);
    public static Tensor operator /(Tensor a, float b) => Scale.Apply(a, 1f / b, 0f);
    public static Tensor operator /(float a, Tensor b) => Ops.Pow.Apply(b, -1f) * a;

    public Tensor Add(Tensor other) => this + other;
    public Tensor Sub(Tensor other) => this - other;
    public Tensor Mul(Tensor other) => this * other;
    public Tensor Div(Tensor other) => this / other;
    public Tensor Neg() => -this;

    public Tensor Exp() => Ops.Exp.Apply(this);
    public Tensor Log() => Ops.Log.Apply(this);
    public Tensor Pow(float exponent) => Ops.Pow.Apply(this, exponent);
    public Tensor Sqrt() => Ops.Sqrt.Apply(this);
    public Tensor Abs() => Ops.Abs.Apply(this);
    public Tensor Square() => Ops.Pow.Apply(this, 2f);
    public Tensor Tanh() => Ops.Tanh.Apply(this);
    public Tensor Sigmoid() => Ops.Sigmoid.Apply(this);
    public Tensor Relu() => Ops.LeakyRelu.Apply(this, 0f);
    public Tensor LeakyRelu(float negativeSlope = 0.01f) => Ops.LeakyRelu.Apply(this, negativeSlope);
    public Tensor Clamp(float min, float max) => Ops.Clamp.Apply(this, min, max);

    /// <summary>log(1 + e^x), computed stably as max(x, 0) + log(1 + e^-|x|).</summary>
    // NOTE: Maximum sends the gradient to its first argument on ties, so at x = 0 both pieces
    // take the x ≥ 0 branch (derivatives 1 and -1) and the gradient is σ(0) = 0.5. Relu and Abs,
    // whose derivative at 0 is 0, gave 0 there.
    public Tensor Softplus() => Maximum(this, Scalar(0f)) + (1f + Minimum(-this, this).Exp()).Log();

    public static Tensor Maximum(Tensor a, Tensor b) => Ops.Maximum.Apply(a, b);
    public static Tensor Minimum(Tensor a, Tensor b) => -Ops.Maximum.Apply(-a, -b);

    /// <summary>cond ? a : b, cond being a 0/1 tensor (for example from <see cref="Gt(Tensor)"/>).</summary>
    public static Tensor Where(Tensor cond, Tensor a, Tensor b) => Ops.Where.Apply(cond, a, b);

    // Comparisons return constant 0/1 tensors.
    public Tensor Gt(Tensor other) => Compare.Greater(this, other);
    public Tensor Lt(Tensor other) => Compare.Less(this, other);
    public Tensor Ge(Tensor other) => Compare.GreaterEqual(this, other);
    public Tensor Le(Tensor other) => Compare.LessEqual(this, other);
    public Tensor Eq(Tensor other) => Compare.Equal(this, other);
    public Tensor Gt(float value) => Compare.Greater(this, Scalar(value));
    public Tensor Lt(float value) => Compare.Less(this, Scalar(value));
    public Tensor Ge(float value) => Compare.GreaterEqual(this, Scalar(value));
    public Tensor Le(float value) => Compare.LessEqual(this, Scalar(value));
    public Tensor Eq(float value) => Compare.Equal(this, Scalar(value));
}
