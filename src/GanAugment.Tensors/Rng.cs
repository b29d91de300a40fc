using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanAugment.Tensors;

/// <summary>
/// Seeded, splittable random generator (xoshiro256** seeded through Rng). All randomness
/// of GanAugment flows from one of these; <see cref="Split"/> derives an independent stream, so
/// sub-components (data shuffling, noise, dropout masks) stay repeatable when others change.
/// Not thread-safe: give each thread its own split.
/// </summary>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;
    private float? _spareNormal;

    public Rng(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public Rng(int seed) : this(unchecked((ulong)(long)seed)) { }

    /// <summary>
    /// The generator of sub-stream <paramref name="stream"/> of <paramref name="seed"/> (one per
    /// epoch, class or run), independent of how far any other stream was drawn: the seed and each
    /// stream index are mixed through Rng's finaliser into the new generator's seed.
    /// </summary>
    public static Rng ForStream(long seed, params ReadOnlySpan<long> stream)
    {
        var x = unchecked((ulong)seed);
        var mixed = SplitMix(ref x);
        foreach (var part in stream)
        {
            var y = mixed ^ unchecked((ulong)part);
            mixed = SplitMix(ref y);
        }
        return new Rng(mixed);
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>The full generator state as text, so a resumed run continues the same stream.</summary>
    public string SaveState()
    {
        var spare = _spareNormal is { } v ? BitConverter.SingleToInt32Bits(v).ToString("x8", System.Globalization.CultureInfo.InvariantCulture) : "-";
        return string.Join(':', _s0.ToString("x16"), _s1.ToString("x16"), _s2.ToString("x16"), _s3.ToString("x16"), spare);
    }

    /// <summary>Restores a state written by <see cref="SaveState"/>.</summary>
    public void RestoreState(string state)
    {
        var parts = state.Split(':');
        const System.Globalization.NumberStyles hex = System.Globalization.NumberStyles.AllowHexSpecifier;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (parts.Length != 5
            || !ulong.TryParse(parts[0], hex, inv, out var s0) || !ulong.TryParse(parts[1], hex, inv, out var s1)
            || !ulong.TryParse(parts[2], hex, inv, out var s2) || !ulong.TryParse(parts[3], hex, inv, out var s3))
            throw new FormatException($"not an Rng state: '{state}'");
        float? spare = null;
        if (parts[4] != "-")
        {
            if (!int.TryParse(parts[4], hex, inv, out var bits)) throw new FormatException($"not an Rng state: '{state}'");
            spare = BitConverter.Int32BitsToSingle(bits);
        }
        (_s0, _s1, _s2, _s3, _spareNormal) = (s0, s1, s2, s3, spare);
    }

    /// <summary>An independent generator derived from this one's next output (this one advances).</summary>
    public Rng Split() => new(NextUInt64() ^ 0x5DEECE66DUL);

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform double in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double NextDouble(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Uniform in [0, 1) with 24 random bits.</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1f / (1 << 24));

    /// <summary>Uniform integer in [0, n), without modulo bias.</summary>
    public int NextInt(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), "n must be positive");
        var bound = (ulong)n;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var r = NextUInt64();
            if (r >= threshold) return (int)(r % bound);
        }
    }

    /// <summary>Standard normal sample (Box-Muller; the second value of each pair is kept).</summary>
    public float Normal()
    {
        if (_spareNormal is { } spare)
        {
            _spareNormal = null;
            return spare;
        }
        double u1;
        do u1 = NextDouble(); while (u1 <= double.Epsilon);
        var u2 = NextDouble();
        var r = Math.Sqrt(-2.0 * Math.Log(u1));
        _spareNormal = (float)(r * Math.Sin(2 * Math.PI * u2));
        return (float)(r * Math.Cos(2 * Math.PI * u2));
    }

    public void FillNormal(Span<float> destination, float mean = 0f, float std = 1f)
    {
        for (var i = 0; i < destination.Length; i++) destination[i] = mean + std * Normal();
    }

    public void FillUniform(Span<float> destination, float low = 0f, float high = 1f)
    {
        var width = high - low;
        for (var i = 0; i < destination.Length; i++) destination[i] = low + width * NextFloat();
    }

    /// <summary>
    /// An inverted-dropout mask: each element is 0 with probability <paramref name="p"/> and
    /// <paramref name="value"/> otherwise. Each draw of 64 bits makes several decisions from
    /// k-bit slices, k the fewest bits that express p exactly (1 for p = 0.5, 2 for 0.25, ...,
    /// at most 32, where p is rounded down to a multiple of 2^-32), without branches.
    /// </summary>
    public void FillDropoutMask(Span<float> destination, float p, float value)
    {
        if (!(p >= 0f && p <= 1f)) throw new ArgumentOutOfRangeException(nameof(p), $"dropout probability must be in [0, 1], got {p}");
        if (p == 0f || p == 1f)
        {
            destination.Fill(p == 0f ? value : 0f);
            return;
        }
        var bits = 1;
        while (bits < 32 && Math.ScaleB(p, bits) != Math.Floor(Math.ScaleB(p, bits))) bits *= 2;
        var threshold = (ulong)Math.Floor(Math.ScaleB(p, bits));
        var sliceMask = (1UL << bits) - 1;
        var perDraw = 64 / bits;
        var valueBits = BitConverter.SingleToInt32Bits(value);
        var i = bits <= 2 && Avx512F.IsSupported ? FillWholeDraws(destination, bits, (uint)threshold, value) : 0;
        while (i < destination.Length)
        {
            var draw = NextUInt64();
            var end = Math.Min(destination.Length, i + perDraw);
            for (; i < end; i++, draw >>= bits)
            {
                // (slice − threshold) wraps to a number with the top bit set exactly when slice < threshold.
                var drop = ((draw & sliceMask) - threshold) >> 63;
                destination[i] = BitConverter.Int32BitsToSingle(valueBits & (int)(drop - 1));
            }
        }
    }

    /// <summary>
    /// The vector form of <see cref="FillDropoutMask"/> for 1- and 2-bit slices: fills the elements
    /// that whole draws decide (16 lanes take 16 consecutive slices of one draw) and returns how
    /// many; the same draws in the same order give the same mask as the scalar loop.
    /// </summary>
    private int FillWholeDraws(Span<float> destination, int bits, uint threshold, float value)
    {
        var perDraw = 64 / bits;
        var whole = destination.Length / perDraw * perDraw;
        var shifts = Vector512<uint>.Indices * (uint)bits;
        var sliceMask = Vector512.Create((1u << bits) - 1);
        var limit = Vector512.Create(threshold);
        var kept = Vector512.Create(value).AsUInt32();
        ref var start = ref MemoryMarshal.GetReference(destination);
        for (var i = 0; i < whole; i += perDraw)
        {
            var draw = NextUInt64();
            for (var lane = 0; lane < perDraw; lane += 16, draw >>= 16 * bits)
            {
                // 16 slices of at most 32 bits: the low half of what is left of the draw.
                var slices = Avx512F.ShiftRightLogicalVariable(Vector512.Create((uint)draw), shifts) & sliceMask;
                var keep = Vector512.GreaterThanOrEqual(slices, limit);
                (kept & keep).AsSingle().StoreUnsafe(ref start, (nuint)(i + lane));
            }
        }

        return whole;
    }

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A random permutation of 0..n-1.</summary>
    public int[] Permutation(int n)
    {
        var p = new int[n];
        for (var i = 0; i < n; i++) p[i] = i;
        Shuffle(p.AsSpan());
        return p;
    }
}
