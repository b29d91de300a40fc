namespace GanAugment.Data.Tests.Tables;

/// <summary>Checks a <see cref="DataFormatException"/>'s message: one line, starting as expected.</summary>
internal static class OneLineError
{
    public static void Starts(string start, Func<object> act)
    {
        var e = Assert.Throws<DataFormatException>(act);
        Assert.StartsWith(start, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
