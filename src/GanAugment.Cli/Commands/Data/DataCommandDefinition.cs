using System.CommandLine;

namespace GanAugment.Cli.Commands.Data;

/// <summary>The options and help of <c>ganaug data list</c> and <c>ganaug data info</c>.</summary>
internal static class DataCommandDefinition
{
    public static readonly Argument<string> Name = new("name")
    {
        Description = "What to describe: a catalogue name (see `ganaug data list`), a folder (image folder of class sub-folders, or MNIST-layout IDX files), a table (.csv, .arff, .parquet, FANN .data), or series (waves, sines, a CSV with --series)",
    };

    public static readonly Option<string?> InfoTarget = new("--target")
    {
        Description = "With a table: the class column whose counts are shown (default: the file's label column, e.g. ARFF's class attribute)",
        HelpName = "column",
    };

    public static readonly Option<string?> InfoSeries = new("--series")
    {
        Description = "Read a CSV as time series: long (id,time,label,features...) or wide (one series per row)",
        HelpName = "long|wide",
    };

    public static readonly Option<string?> InfoPath = new("--path")
    {
        Description = "Folder that holds the data set's files (nothing else is searched)",
        HelpName = "folder",
    };

    public static readonly Argument<string> ShowName = new("name")
    {
        Description = "An image data set: a catalogue name (mnist, fashion-mnist, ...) or a folder, as `train --data` takes it",
    };

    public static readonly Option<int> ShowCount = new("--count")
    {
        Description = "How many real images to show, as even across classes as the data allows, in rows of ceil(sqrt(count))",
        HelpName = "n",
        DefaultValueFactory = _ => 100,
    };

    public static readonly Option<bool> ShowInvert = new("--invert")
    {
        Description = "Draw dark on light (255 - pixel), as the AC-GAN seed plots its digits",
    };

    public static readonly Option<string?> ShowOut = new("--out")
    {
        Description = "PNG file to write (default: real.png in the current folder)",
        HelpName = "file",
    };

    public static readonly Option<string?> ShowPath = new("--path")
    {
        Description = "Folder that holds the data set's files (nothing else is searched)",
        HelpName = "folder",
    };

    public static readonly Command List = new("list", """
        List the data sets of the catalogue and whether each is present locally (the cache,
        $GANAUG_DATA, system copies or the repository's bundled data). Nothing is downloaded.

        Examples:
          ganaug data list
        """);

    public static readonly Command Info = new("info", """
        Load a data set and describe what was read: for images the shape, the images per class
        (train and test) and the pixel values, and where they were found (a catalogue set is
        downloaded into the cache first if it is missing and can be); for a table its rows, each
        column's kind and range or categories, missing values and the rows per class; for series their count,
        length, features, value range per feature and series per class.

        Examples:
          ganaug data info mnist-small
          ganaug data info fashion-mnist --path /usr/share/datasets/fashion-mnist
          ganaug data info runs/demo/fake/pngs
          ganaug data info credit-g.arff
          ganaug data info waves
          ganaug data info credit-g
        """)
    {
        Name, InfoPath, InfoTarget, InfoSeries,
    };

    public static readonly Command Show = new("show", """
        Write a grid of real training images of an image data set as a PNG: --count images taken
        in turn from each class (the first ones in file order), grouped by class, in rows of
        ceil(sqrt(count)); 100 images of 10 classes give one class per row. The same grid sits
        beside the generated ones in `ganaug report`.

        Examples:
          ganaug data show mnist --count 100 --out real.png
          ganaug data show fashion-mnist --count 100 --invert --out real-inverted.png
        """)
    {
        ShowName, ShowCount, ShowInvert, ShowOut, ShowPath,
    };

    public static readonly Command Command = new("data", "Inspect data sets: the catalogue, or what a folder, table or series file holds.") { List, Info, Show };
}
