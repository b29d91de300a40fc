namespace GanAugment.Data.Tables;

/// <summary>
/// Reads a Weka ARFF file into a <see cref="Table"/>: "@relation", "@attribute" (numeric, real,
/// integer, string, date, {nominal values}), "@data" with dense or sparse ("{index value, ...}")
/// rows, quoted values, "?" for missing, '%' comments and optional "{weight}" instance weights
/// (ignored). The relation's name becomes <see cref="Table.Name"/>. Relational attributes are rejected. Bad input is a <see cref="DataFormatException"/>
/// naming the file and line.
/// </summary>
public static class ArffReader
{
    public static Table Read(string path, ArffReadOptions? options = null)
    {
        options ??= new ArffReadOptions();
        var lines = TextFile.Read(path).Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        var (relation, attributes, dataStart) = ArffHeader.Parse(path, lines);
        var builders = CreateBuilders(path, attributes, options);
        var rows = 0;
        for (var n = dataStart; n < lines.Length; n++)
        {
            var s = lines[n];
            var i = ArffText.SkipSpaces(s, 0, s.Length);
            if (i == s.Length || s[i] == '%') continue;
            var text = new ArffText(path, n + 1);
            if (s[i] == '{') ReadSparse(s, i, text, builders);
            else ReadDense(s, i, text, builders);
            rows++;
        }
        if (rows == 0) throw DataFormatException.At(path, "the @data section holds no rows");
        return new Table(builders.Select(b => b.Build()).ToArray(), options.LabelColumn, relation);
    }

    private static ArffColumnBuilder[] CreateBuilders(string path, List<ArffAttribute> attributes, ArffReadOptions options)
    {
        var names = attributes.Select(a => a.Name).ToArray();
        var kinds = attributes.Select(a => a.Type == ArffType.Numeric ? ColumnKind.Numeric : ColumnKind.Categorical).ToArray();
        if (options.LabelColumn is not null)
            kinds[CsvDocument.RequireColumn(path, names, options.LabelColumn, "label column")] = ColumnKind.Categorical;
        foreach (var name in options.ForceCategorical)
            kinds[CsvDocument.RequireColumn(path, names, name, "attribute to force categorical")] = ColumnKind.Categorical;
        foreach (var name in options.ForceNumeric)
        {
            if (options.ForceCategorical.Contains(name))
                throw DataFormatException.At(path, $"attribute '{name}' is forced both categorical and numeric");
            kinds[CsvDocument.RequireColumn(path, names, name, "attribute to force numeric")] = ColumnKind.Numeric;
        }
        return attributes.Select((a, j) => new ArffColumnBuilder(a, kinds[j])).ToArray();
    }

    private static void ReadDense(string s, int start, ArffText text, ArffColumnBuilder[] builders)
    {
        var tokens = text.SplitValues(s, start, s.Length);
        var last = tokens[^1];
        if (tokens.Count == builders.Length + 1 && !last.Quoted && last.Text.StartsWith('{') && last.Text.EndsWith('}'))
            tokens.RemoveAt(tokens.Count - 1); // NOTE: an instance weight "{w}" after the values; weights are not used.
        if (tokens.Count != builders.Length)
            throw text.Error($"row has {tokens.Count} values but {builders.Length} attributes are declared");
        for (var j = 0; j < builders.Length; j++) builders[j].Add(tokens[j], text);
    }

    private static void ReadSparse(string s, int open, ArffText text, ArffColumnBuilder[] builders)
    {
        var close = text.FindClosingBrace(s, open);
        var rest = ArffText.SkipSpaces(s, close + 1, s.Length);
        if (rest < s.Length && s[rest] == ',') rest = ArffText.SkipSpaces(s, rest + 1, s.Length);
        if (rest < s.Length && s[rest] == '{') rest = text.FindClosingBrace(s, rest) + 1; // an instance weight
        if (!ArffText.RestIsBlank(s, rest)) throw text.Error("unexpected text after a sparse row");

        var next = 0;
        var i = ArffText.SkipSpaces(s, open + 1, close);
        while (i < close)
        {
            var digits = i;
            while (i < close && char.IsAsciiDigit(s[i])) i++;
            if (i == digits || !int.TryParse(s.AsSpan(digits, i - digits), out var index) || index >= builders.Length)
                throw text.Error($"a sparse row needs 'index value' pairs with indices 0..{builders.Length - 1}");
            if (index < next) throw text.Error($"sparse index {index} is out of order or repeated");
            if (i == close || !char.IsWhiteSpace(s[i])) throw text.Error($"sparse index {index} is not followed by a space and a value");
            for (; next < index; next++) builders[next].AddSparseDefault(text);
            i = text.ReadValue(s, i, close, out var token);
            builders[next++].Add(token, text);
            i = ArffText.SkipSpaces(s, i < close ? i + 1 : i, close);
        }
        for (; next < builders.Length; next++) builders[next].AddSparseDefault(text);
    }
}
