namespace GanAugment.Data.Catalogue;

/// <summary>
/// A named data set is unknown, or could be neither found locally nor downloaded. The message is
/// one line that says where it looked and exactly how to get the data.
/// </summary>
public sealed class DatasetNotFoundException : Exception
{
    public DatasetNotFoundException(string message) : base(message) { }

    public DatasetNotFoundException(string message, Exception inner) : base(message, inner) { }
}
