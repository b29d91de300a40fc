namespace GanAugment.Data.Tables;

/// <summary>
/// Reads a FANN training file (the format of libfann's example data sets such as thyroid):
/// a first line "samples inputs outputs", then for each sample a line of inputs and a line of
/// outputs, all numbers separated by white space. Inputs become numeric columns "in1".."inN".
/// When there are several outputs and every output row is one-hot (one 1, the rest 0 or -1), they
/// become one categorical label column "class" with categories "1".."M" (the index of the 1);
/// otherwise numeric columns "out1".."outM" and no label.
/// </summary>
public static class FannDataReader
{
    public const string LabelName = "class";

    public static Table Read(string path)
    {
        var tokens = Tokenize(path, TextFile.Read(path));
        if (tokens.Count < 3) throw DataFormatException.At(path, "expected a header line 'samples inputs outputs'");
        var samples = HeaderInt(path, tokens[0], "sample count");
        var inputs = HeaderInt(path, tokens[1], "input count");
        var outputs = HeaderInt(path, tokens[2], "output count");
        var width = (long)inputs + outputs;
        // NOTE: the header sizes are checked against the tokens actually present before any
        // allocation, so a corrupt header cannot ask for gigabytes.
        if (samples * width != tokens.Count - 3)
            throw DataFormatException.At(path, $"header promises {samples} samples of {inputs}+{outputs} numbers, but the file holds {tokens.Count - 3} numbers", tokens[0].Line);

        var columns = new double[width][];
        for (var j = 0; j < width; j++) columns[j] = new double[samples];
        for (var r = 0; r < samples; r++)
            for (var j = 0; j < width; j++)
            {
                var token = tokens[3 + (int)(r * width + j)];
                if (!InvariantNumber.TryParse(token.Text, out columns[j][r]))
                    throw DataFormatException.At(path, $"'{ColumnInference.Shorten(token.Text)}' is not a number", token.Line);
            }

        var result = new List<Column>();
        for (var j = 0; j < inputs; j++) result.Add(new NumericColumn($"in{j + 1}", columns[j]));
        var outputColumns = columns[inputs..];
        if (outputs > 1 && TryOneHot(outputColumns, samples, out var classes))
        {
            var names = Enumerable.Range(1, outputs).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            result.Add(new CategoricalColumn(LabelName, names, classes));
            return new Table(result, LabelName);
        }
        for (var k = 0; k < outputs; k++) result.Add(new NumericColumn($"out{k + 1}", outputColumns[k]));
        return new Table(result);
    }

    private static bool TryOneHot(double[][] outputs, int samples, out int[] classes)
    {
        classes = new int[samples];
        for (var r = 0; r < samples; r++)
        {
            var hot = -1;
            for (var k = 0; k < outputs.Length; k++)
            {
                var v = outputs[k][r];
                if (v == 1 && hot < 0) hot = k;
                else if (v != 0 && v != -1) return false;
            }
            if (hot < 0) return false;
            classes[r] = hot;
        }
        return true;
    }

    private static int HeaderInt(string path, (string Text, long Line) token, string what)
    {
        if (!int.TryParse(token.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw DataFormatException.At(path, $"the {what} in the header must be a positive whole number, got '{ColumnInference.Shorten(token.Text)}'", token.Line);
        return value;
    }

    private static List<(string Text, long Line)> Tokenize(string path, string text)
    {
        var tokens = new List<(string, long)>();
        long line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n') { line++; i++; continue; }
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            tokens.Add((text[start..i], line));
        }
        if (tokens.Count == 0) throw DataFormatException.At(path, "the file is empty");
        return tokens;
    }
}
