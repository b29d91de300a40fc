using System.Globalization;

namespace GanAugment.Data.Writers;

/// <summary>
/// Parses the Python dict literal of an NPY header: exactly the keys 'descr' (a string),
/// 'fortran_order' (True or False) and 'shape' (a tuple of non-negative ints), in any order,
/// with single or double quotes, optional trailing comma, padding spaces and the final newline.
/// </summary>
internal static class NpyHeaderParser
{
    public sealed record Header(string Descr, bool FortranOrder, IReadOnlyList<int> Shape);

    /// <param name="baseOffset">File offset of the header's first character, for error messages.</param>
    public static Header Parse(string text, string name, long baseOffset)
    {
        var pos = 0;
        string? descr = null;
        bool? fortran = null;
        List<int>? shape = null;

        DataFormatException Error(string message) => DataFormatException.At(name, $"bad NPY header: {message}", offset: baseOffset + pos);
        void SkipSpace()
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
        }
        void Expect(char c)
        {
            SkipSpace();
            if (pos >= text.Length || text[pos] != c) throw Error($"expected '{c}'");
            pos++;
        }
        bool TryTake(char c)
        {
            SkipSpace();
            if (pos < text.Length && text[pos] == c)
            {
                pos++;
                return true;
            }
            return false;
        }
        string ReadString()
        {
            SkipSpace();
            if (pos >= text.Length || text[pos] is not ('\'' or '"')) throw Error("expected a quoted string");
            var quote = text[pos++];
            var end = text.IndexOf(quote, pos);
            if (end < 0) throw Error("unterminated string");
            var s = text[pos..end];
            pos = end + 1;
            return s;
        }
        int ReadInt()
        {
            SkipSpace();
            var start = pos;
            while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
            if (pos == start) throw Error("expected a non-negative integer");
            if (!int.TryParse(text.AsSpan(start, pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
                throw Error($"dimension {text[start..pos]} is too large");
            if (pos < text.Length && text[pos] == 'L') pos++; // Python 2 long suffix
            return v;
        }

        Expect('{');
        while (!TryTake('}'))
        {
            var key = ReadString();
            Expect(':');
            switch (key)
            {
                case "descr" when descr is null:
                    descr = ReadString();
                    break;
                case "fortran_order" when fortran is null:
                    SkipSpace();
                    if (string.CompareOrdinal(text, pos, "True", 0, 4) == 0) { fortran = true; pos += 4; }
                    else if (string.CompareOrdinal(text, pos, "False", 0, 5) == 0) { fortran = false; pos += 5; }
                    else throw Error("fortran_order is not True or False");
                    break;
                case "shape" when shape is null:
                    Expect('(');
                    shape = [];
                    while (!TryTake(')'))
                    {
                        if (shape.Count > 32) throw Error("shape has more than 32 dimensions");
                        shape.Add(ReadInt());
                        if (!TryTake(',')) { Expect(')'); break; }
                    }
                    break;
                default:
                    throw Error($"unexpected or repeated key '{key}'");
            }
            if (!TryTake(',')) { Expect('}'); break; }
        }
        SkipSpace();
        if (pos != text.Length) throw Error("text after the closing brace");
        if (descr is null || fortran is null || shape is null) throw Error("needs the keys 'descr', 'fortran_order' and 'shape'");
        return new Header(descr, fortran.Value, shape);
    }
}
