using System.Globalization;

namespace GanAugment.Data.Tables;

/// <summary>Parsing and printing of numbers in files: invariant culture, finite, exact round trip.</summary>
internal static class InvariantNumber
{
    /// <summary>Parses a finite invariant-culture number (exponents allowed, no thousands separators).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>The shortest text that parses back to exactly <paramref name="value"/>.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// The shortest text that parses back to exactly <paramref name="value"/> as a float; parsing it
    /// as a double and narrowing gives the same float too (the double rounding is innocuous).
    /// </summary>
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
