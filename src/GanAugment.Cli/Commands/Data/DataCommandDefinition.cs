using System.CommandLine;

namespace GanAugment.Cli.Commands.Data;

/// <summary>The options and help of <c>ganaug data list</c> and <c>ganaug data info</c>.</summary>
internal static class DataCommandDefinition
{
    public static readonly Argument<string> Name = new("name") { Description = "Catalogue name of the data set (see `ganaug data list`)" };

    public static readonly Option<string?> InfoPath = new("--path")
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
        Load a data set and show its shape, classes, images per class (for a table: rows per
        class, and each column's kind, values and missing values) and where it was found
        (downloading it into the cache first if it is missing and can be downloaded).

        Examples:
          ganaug data info mnist-small
          ganaug data info fashion-mnist --path /usr/share/datasets/fashion-mnist
          ganaug data info credit-g
        """)
    {
        Name, InfoPath,
    };

    public static readonly Command Command = new("data", "Inspect the data sets that ganaug knows by name.") { List, Info };
}
