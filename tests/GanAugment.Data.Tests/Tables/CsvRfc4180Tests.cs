using System.Text;
using CsvHelper;
using GanAugment.Data.Tables;

namespace GanAugment.Data.Tests.Tables;

/// <summary>
/// The correctness cases of docs/CSV.md: each input is split by GanAugment's tokenizer and by
/// CsvHelper 34 (RFC 4180 mode, no trimming, malformed quoting thrown), and both must give the
/// expected records; malformed inputs must be refused by both.
/// </summary>
public sealed class CsvRfc4180Tests
{
    public static TheoryData<string, string, string[][]> Cases => new()
    {
        { "quoted comma", "a,\"b,c\",d\n", [["a", "b,c", "d"]] },
        { "doubled quotes", "a,\"say \"\"hi\"\"\",\"\"\"\"\n", [["a", "say \"hi\"", "\""]] },
        { "LF inside quotes", "a,\"one\ntwo\",b\nc,d,e\n", [["a", "one\ntwo", "b"], ["c", "d", "e"]] },
        { "CRLF inside quotes", "a,\"one\r\ntwo\",b\r\nc,d,e\r\n", [["a", "one\r\ntwo", "b"], ["c", "d", "e"]] },
        { "CR inside quotes", "a,\"one\rtwo\",b\rc,d,e\r", [["a", "one\rtwo", "b"], ["c", "d", "e"]] },
        { "CRLF line ends", "a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]] },
        { "LF line ends", "a,b\n1,2\n", [["a", "b"], ["1", "2"]] },
        { "CR line ends", "a,b\r1,2\r", [["a", "b"], ["1", "2"]] },
        { "mixed line ends", "a,b\r\n1,2\n3,4\r5,6", [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]] },
        { "no final line break", "a,b\n1,2", [["a", "b"], ["1", "2"]] },
        { "empty trailing field", "a,b,\n1,2,\n", [["a", "b", ""], ["1", "2", ""]] },
        { "empty trailing field at the end", "a,b,", [["a", "b", ""]] },
        { "empty trailing field with CRLF", "a,,\r\n", [["a", "", ""]] },
        { "empty quoted field", "\"\",x,\"\"\n", [["", "x", ""]] },
        { "blank lines skipped", "a,b\n\n1,2\n\r\n3,4\n", [["a", "b"], ["1", "2"], ["3", "4"]] },
        { "spaces kept", " a , b \n", [[" a ", " b "]] },
        { "non-ASCII text", "naïve,\"日本, 語\"\n", [["naïve", "日本, 語"]] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void GanAugment_tokenizer_splits_as_RFC_4180_says(string name, string text, string[][] expected)
    {
        Assert.NotEmpty(name);
        Assert.Equal(expected, Ours(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CsvHelper_splits_the_same_way(string name, string text, string[][] expected)
    {
        Assert.NotEmpty(name);
        Assert.Equal(expected, Theirs(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void A_UTF8_byte_order_mark_is_not_part_of_the_first_field()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "\"id\",v\r\n1,2\r\n"u8.ToArray()];
        string[][] expected = [["id", "v"], ["1", "2"]];
        Assert.Equal(expected, Ours(bytes));
        Assert.Equal(expected, Theirs(bytes));
    }

    [Theory]
    [InlineData("a,b\"c\n")]
    [InlineData("a,\"b\"c\n")]
    [InlineData("a,\"never closed\n1,2\n")]
    public void Malformed_quoting_is_refused_by_both(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Throws<DataFormatException>(() => Ours(bytes));
        Assert.Throws<CsvFormatException>(() => Theirs(bytes));
    }

    [Fact]
    public void Invalid_UTF8_is_refused_here_with_its_byte_offset_and_replaced_by_CsvHelper()
    {
        byte[] bytes = [.. "a,b\n1,x"u8.ToArray(), 0xFF, .. "y\n"u8.ToArray()];
        var e = Assert.Throws<DataFormatException>(() => Ours(bytes));
        Assert.Equal("t.csv (byte 7): not valid UTF-8 text (save the file as UTF-8)", e.Message);
        Assert.Equal([["a", "b"], ["1", "x\uFFFDy"]], Theirs(bytes));
    }

    private static string[][] Ours(byte[] bytes) =>
        [.. CsvTokenizer.Tokenize(TextFile.Decode(bytes, "t.csv"), "t.csv", ',', trim: false).Select(r => r.Fields.Select(f => f.Text).ToArray())];

    private static string[][] Theirs(byte[] bytes)
    {
        var options = new CsvReaderOptions { Separator = ',', HasHeader = false, TrimWhitespace = false, MalformedData = CsvMalformedDataHandling.Throw };
        using var reader = CsvReader.Create(bytes, options);
        var records = new List<string[]>();
        while (reader.Read()) records.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        return [.. records];
    }
}
