using System.Text;

namespace GanAugment.Data.Tables;

/// <summary>One ARFF value as written: its text (unescaped) and whether it was quoted.</summary>
internal readonly record struct ArffToken(string Text, bool Quoted)
{
    /// <summary>The ARFF missing value: an unquoted "?" (an empty value is also taken as missing).</summary>
    public bool IsMissing => !Quoted && Text == "?" || Text.Length == 0;
}

/// <summary>
/// Low-level ARFF scanning on one line: quoted strings ('...' or "..." with backslash escapes
/// \n \r \t \\ \' \"), comma-separated value lists, and '%' comments outside quotes. Errors
/// name the file and line.
/// </summary>
internal readonly struct ArffText(string file, long line)
{
    public DataFormatException Error(string message) => DataFormatException.At(file, message, line);

    public static int SkipSpaces(string s, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(s[i])) i++;
        return i;
    }

    /// <summary>True when only spaces or a '%' comment remain from <paramref name="i"/>.</summary>
    public static bool RestIsBlank(string s, int i)
    {
        i = SkipSpaces(s, i, s.Length);
        return i == s.Length || s[i] == '%';
    }

    /// <summary>Reads a quoted string starting at the quote at <paramref name="i"/>; returns the index after the closing quote.</summary>
    public int ReadQuoted(string s, int i, int end, out string text)
    {
        var quote = s[i++];
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= end) throw Error($"a string opened with {quote} is not closed on this line");
            var c = s[i++];
            if (c == quote) break;
            if (c == '\\' && i < end)
            {
                var e = s[i++];
                sb.Append(e switch { 'n' => '\n', 'r' => '\r', 't' => '\t', _ => e });
                continue;
            }
            sb.Append(c);
        }
        text = sb.ToString();
        return i;
    }

    /// <summary>
    /// Reads one value at <paramref name="i"/>: a quoted string, or unquoted text up to a comma,
    /// a '%' comment or <paramref name="end"/>, trimmed. Returns the index where it stopped.
    /// </summary>
    public int ReadValue(string s, int i, int end, out ArffToken token)
    {
        i = SkipSpaces(s, i, end);
        if (i < end && s[i] is '\'' or '"')
        {
            i = ReadQuoted(s, i, end, out var text);
            i = SkipSpaces(s, i, end);
            if (i < end && s[i] != ',' && s[i] != '%')
                throw Error($"unexpected {CsvTokenizer.Describe(s[i])} after a quoted value");
            token = new ArffToken(text, Quoted: true);
            return i;
        }
        var start = i;
        while (i < end && s[i] != ',' && s[i] != '%') i++;
        token = new ArffToken(s[start..i].Trim(), Quoted: false);
        return i;
    }

    /// <summary>Splits s[start..end) into comma-separated values; a '%' outside quotes ends the list.</summary>
    public List<ArffToken> SplitValues(string s, int start, int end)
    {
        var tokens = new List<ArffToken>();
        var i = start;
        while (true)
        {
            i = ReadValue(s, i, end, out var token);
            tokens.Add(token);
            if (i >= end || s[i] == '%') return tokens;
            i++; // the comma
        }
    }

    /// <summary>Index of the '}' closing the '{' at <paramref name="open"/>, skipping quoted text.</summary>
    public int FindClosingBrace(string s, int open)
    {
        var i = open + 1;
        while (i < s.Length)
        {
            var c = s[i];
            if (c is '\'' or '"') { i = ReadQuoted(s, i, s.Length, out _); continue; }
            if (c == '}') return i;
            if (c == '%') break;
            i++;
        }
        throw Error("a '{' is not closed by '}' on this line");
    }
}
