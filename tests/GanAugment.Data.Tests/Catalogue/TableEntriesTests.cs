using GanAugment.Data.Catalogue;
using GanAugment.Data.Tables;

namespace GanAugment.Data.Tests.Catalogue;

/// <summary>The catalogue's tables: credit-g (Debian weka) and thyroid (Debian libfann-doc).</summary>
public sealed class TableEntriesTests : IDisposable
{
    private const string Weka = "/work/datasets/extracted/usr/share/doc/weka/examples";
    private const string Fann = "/work/datasets/x/usr/share/doc/libfann-dev/examples/datasets";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("credit-g", "class", "weka")]
    [InlineData("thyroid", "class", "libfann-doc")]
    public void Table_entries_name_their_target_pin_every_file_and_say_how_to_get_it(string name, string target, string package)
    {
        var entry = DatasetCatalogue.CreateBuiltIn().Find(name);
        Assert.Equal(target, entry.Table!.Target);
        Assert.All(entry.Files, f => Assert.Matches("^[0-9a-f]{64}$", Assert.Single(f.Check.Sha256)));
        Assert.Contains($"apt-get download {package}", entry.HowToGet);
        Assert.Contains("dpkg-deb -x", entry.HowToGet);
        Assert.Contains("{cache}", entry.HowToGet);
    }

    [Fact]
    public void A_table_entry_loads_from_a_folder_with_its_target_as_label_and_is_refused_as_images()
    {
        _dir.Write("t/credit-g.arff", "@relation toy\n@attribute amount numeric\n@attribute class {good,bad}\n@data\n1,good\n2,bad\n3,good\n");
        var catalogue = DatasetCatalogue.CreateBuiltIn();
        var (train, test, files) = catalogue.LoadTable(new DatasetRequest("credit-g") { Path = _dir.File("t") });
        Assert.Equal((3, "class", (Table?)null), (train.RowCount, train.LabelName, test));
        Assert.Equal(DatasetSource.ExplicitPath, files.Source);
        Assert.Contains("is a table", Assert.Throws<DatasetNotFoundException>(() => catalogue.Load(new DatasetRequest("credit-g") { Path = _dir.File("t") })).Message);
        var e = Assert.Throws<DataFormatException>(() => catalogue.LoadTable(new DatasetRequest("credit-g") { Path = _dir.File("t"), VerifyLocalFiles = true }));
        Assert.Contains("checksum mismatch", e.Message);
    }

    [Fact]
    public void A_missing_table_says_how_to_get_it()
    {
        var e = Assert.Throws<DatasetNotFoundException>(() => DatasetCatalogue.CreateBuiltIn().LoadTable(
            new DatasetRequest("thyroid") { CacheRoot = _dir.File("cache"), UseLocalCopies = false, AllowDownload = false }));
        Assert.Contains("apt-get download libfann-doc", e.Message);
    }

    [FactWhenFilesExist(Weka + "/credit-g.arff")]
    public void The_debian_credit_g_passes_its_checksum_and_has_1000_rows_of_21_columns()
    {
        var (train, _, _) = DatasetCatalogue.CreateBuiltIn().LoadTable(new DatasetRequest("credit-g") { Path = Weka, VerifyLocalFiles = true });
        Assert.Equal((1000, 21), (train.RowCount, train.ColumnCount));
        Assert.Equal([700, 300], train.ClassCounts());
        Assert.Equal(13, train.Features.Count(c => c is CategoricalColumn));
    }

    [FactWhenFilesExist(Fann + "/thyroid.train", Fann + "/thyroid.test")]
    public void The_debian_thyroid_passes_its_checksums_and_has_its_three_rare_classes()
    {
        var (train, test, _) = DatasetCatalogue.CreateBuiltIn().LoadTable(new DatasetRequest("thyroid") { Path = Fann, VerifyLocalFiles = true });
        Assert.Equal((3600, 3600, 22), (train.RowCount, test!.RowCount, train.ColumnCount));
        Assert.Equal([89, 192, 3319], train.ClassCounts());
    }
}
