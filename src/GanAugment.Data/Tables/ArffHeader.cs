namespace GanAugment.Data.Tables;

/// <summary>
/// Parses the ARFF header: "@relation name", then "@attribute name type" lines, then "@data".
/// Keywords are case-insensitive; blank lines and lines starting with '%' are skipped.
/// Relational attributes are rejected with a clear error.
/// </summary>
internal static class ArffHeader
{
    /// <summary>Reads the header from <paramref name="lines"/>; returns the relation, the attributes and the index of the first line after "@data".</summary>
    public static (string? Relation, List<ArffAttribute> Attributes, int DataStart) Parse(string file, string[] lines)
    {
        var attributes = new List<ArffAttribute>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var sawRelation = false;
        string? relation = null;
        for (var n = 0; n < lines.Length; n++)
        {
            var s = lines[n];
            var text = new ArffText(file, n + 1);
            var i = ArffText.SkipSpaces(s, 0, s.Length);
            if (i == s.Length || s[i] == '%') continue;
            var keyword = Keyword(s, i);
            switch (keyword.ToLowerInvariant())
            {
                case "@relation" when !sawRelation && attributes.Count == 0:
                    sawRelation = true;
                    relation = ParseName(s, i + keyword.Length, text);
                    break;
                case "@attribute" when sawRelation:
                    var attribute = ParseAttribute(s, i + keyword.Length, text, n + 1);
                    if (!names.Add(attribute.Name)) throw text.Error($"attribute '{attribute.Name}' is declared twice");
                    attributes.Add(attribute);
                    break;
                case "@data" when sawRelation:
                    if (attributes.Count == 0) throw text.Error("@data comes before any @attribute");
                    return (relation, attributes, n + 1);
                default:
                    var expected = !sawRelation ? "@relation" : attributes.Count == 0 ? "@attribute" : "@attribute or @data";
                    throw text.Error($"expected {expected}, got '{ColumnInference.Shorten(s.Trim())}'");
            }
        }
        throw DataFormatException.At(file, sawRelation ? "no @data section" : "not an ARFF file (no @relation line)");
    }

    private static string Keyword(string s, int i)
    {
        var start = i;
        while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] != '{' && s[i] != '%') i++;
        return s[start..i];
    }

    private static ArffAttribute ParseAttribute(string s, int i, ArffText text, long line)
    {
        i = ArffText.SkipSpaces(s, i, s.Length);
        if (i == s.Length || s[i] == '%') throw text.Error("@attribute needs a name and a type");
        i = ReadName(s, i, text, out var name);
        if (name.Length == 0) throw text.Error("an attribute name is empty");
        if (name.Any(char.IsControl)) throw text.Error($"attribute name '{ColumnInference.Shorten(name)}' holds a control character");
        i = ArffText.SkipSpaces(s, i, s.Length);
        if (i == s.Length || s[i] == '%') throw text.Error($"attribute '{name}' has no type");
        if (s[i] == '{') return ParseNominal(s, i, name, text, line);
        var type = Keyword(s, i);
        var after = i + type.Length;
        switch (type.ToLowerInvariant())
        {
            case "numeric" or "real" or "integer":
                RequireEnd(s, after, text, name);
                return new ArffAttribute(name, ArffType.Numeric, [], line);
            case "string":
                RequireEnd(s, after, text, name);
                return new ArffAttribute(name, ArffType.String, [], line);
            case "date":
                return new ArffAttribute(name, ArffType.Date, [], line);
            case "relational":
                throw text.Error($"attribute '{name}' is relational, which is not supported");
            default:
                throw text.Error($"attribute '{name}' has unknown type '{ColumnInference.Shorten(type)}' (expected numeric, real, integer, string, date or {{values}})");
        }
    }

    /// <summary>The relation's name (quoted, or unquoted up to a space), or null when the line gives none.</summary>
    private static string? ParseName(string s, int i, ArffText text)
    {
        i = ArffText.SkipSpaces(s, i, s.Length);
        if (i == s.Length || s[i] == '%') return null;
        ReadName(s, i, text, out var name);
        return name.Length == 0 ? null : name;
    }

    private static int ReadName(string s, int i, ArffText text, out string name)
    {
        if (s[i] is '\'' or '"') return text.ReadQuoted(s, i, s.Length, out name);
        var start = i;
        while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] != '{' && s[i] != '%') i++;
        name = s[start..i];
        return i;
    }

    private static ArffAttribute ParseNominal(string s, int open, string name, ArffText text, long line)
    {
        var close = text.FindClosingBrace(s, open);
        RequireEnd(s, close + 1, text, name);
        var values = text.SplitValues(s, open + 1, close);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            if (v.Text.Length == 0) throw text.Error($"attribute '{name}' declares an empty nominal value");
            if (!seen.Add(v.Text)) throw text.Error($"attribute '{name}' declares value '{ColumnInference.Shorten(v.Text)}' twice");
        }
        return new ArffAttribute(name, ArffType.Nominal, values.Select(v => v.Text).ToArray(), line);
    }

    private static void RequireEnd(string s, int i, ArffText text, string name)
    {
        if (!ArffText.RestIsBlank(s, i))
            throw text.Error($"unexpected text after the type of attribute '{name}'");
    }
}
