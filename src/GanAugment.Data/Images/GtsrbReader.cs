using System.Globalization;

namespace GanAugment.Data.Images;

/// <summary>
/// Reads the German Traffic Sign Recognition Benchmark (https://benchmark.ini.rub.de/gtsrb_dataset.html)
/// in its distributed layout: training images <c>Final_Training/Images/&lt;class, 5 digits&gt;/*.ppm</c>
/// with annotations <c>GT-&lt;class&gt;.csv</c> in each class folder; test images
/// <c>Final_Test/Images/*.ppm</c> with the ground truth <c>GT-final_test.csv</c> (looked for in
/// Final_Test/Images, Final_Test and the root). Each sign is cropped to its region of interest
/// (inclusive corners), resized to size x size and kept in RGB. Class names are the class folder
/// names; when the test images or their ground truth are absent the test set is empty.
/// </summary>
public static class GtsrbReader
{
    /// <exception cref="DataFormatException">A missing folder or annotation file, a bad line or image; the message names it.</exception>
    public static ImageDatasetSplit Read(string root, int size)
    {
        if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size), size, "image size must be positive");
        var trainRoot = Path.Combine(root, "Final_Training", "Images");
        if (!Directory.Exists(trainRoot)) throw DataFormatException.At(trainRoot, "GTSRB training folder does not exist");
        var classDirs = ImageFolderReader.SortedSubfolders(trainRoot);
        if (classDirs.Length == 0) throw DataFormatException.At(trainRoot, "holds no class folders");
        var names = classDirs.Select(d => Path.GetFileName(d)!).ToArray();
        var labelOfClassId = new Dictionary<int, int>();
        var classIds = new int[names.Length];
        for (var label = 0; label < names.Length; label++)
        {
            if (!int.TryParse(names[label], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                throw DataFormatException.At(classDirs[label], "class folder name is not a class number");
            classIds[label] = id;
            if (!labelOfClassId.TryAdd(id, label))
                throw DataFormatException.At(classDirs[label], $"class {id} has two folders");
        }

        var train = new ImageDatasetBuilder(3, size, size);
        for (var label = 0; label < classDirs.Length; label++)
        {
            var csv = Path.Combine(classDirs[label], $"GT-{names[label]}.csv");
            if (!File.Exists(csv)) throw DataFormatException.At(csv, "annotation file is missing");
            foreach (var row in GtsrbAnnotation.ReadAll(csv, requireClassId: false))
            {
                if (row.ClassId is { } id && id != classIds[label])
                    throw DataFormatException.At(csv, $"ClassId {id} in the folder of class {names[label]}", line: row.Line);
                train.Add(LoadSign(classDirs[label], csv, row, size), label);
            }
        }
        return new ImageDatasetSplit(train.Build(names), ReadTest(root, size, names, labelOfClassId));
    }

    private static ImageDataset ReadTest(string root, int size, string[] names, Dictionary<int, int> labelOfClassId)
    {
        var testRoot = Path.Combine(root, "Final_Test", "Images");
        var test = new ImageDatasetBuilder(3, size, size);
        var csv = new[] { testRoot, Path.Combine(root, "Final_Test"), root }
            .Select(d => Path.Combine(d, "GT-final_test.csv"))
            .FirstOrDefault(File.Exists);
        if (!Directory.Exists(testRoot) || csv is null) return test.Build(names);
        foreach (var row in GtsrbAnnotation.ReadAll(csv, requireClassId: true))
        {
            if (!labelOfClassId.TryGetValue(row.ClassId!.Value, out var label))
                throw DataFormatException.At(csv, $"ClassId {row.ClassId} has no training folder", line: row.Line);
            test.Add(LoadSign(testRoot, csv, row, size), label);
        }
        return test.Build(names);
    }

    private static RawImage LoadSign(string folder, string csv, GtsrbAnnotation row, int size)
    {
        var path = Path.Combine(folder, row.Filename);
        if (!File.Exists(path)) throw DataFormatException.At(csv, $"image {row.Filename} does not exist", line: row.Line);
        var image = ImageFile.Read(path);
        if (image.Width != row.Width || image.Height != row.Height)
            throw DataFormatException.At(csv, $"{row.Filename} is {image.Width}x{image.Height}, the annotation says {row.Width}x{row.Height}", line: row.Line);
        var sign = ImageCrop.Crop(image, row.X1, row.Y1, row.X2 - row.X1 + 1, row.Y2 - row.Y1 + 1);
        return ImageFolderReader.Prepare(sign, size, ImageColor.Rgb);
    }
}
