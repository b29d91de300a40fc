using GanAugment.Cli.Infrastructure;
using GanAugment.Data;
using GanAugment.Data.Catalogue;
using GanAugment.NN.Checkpoints;

namespace GanAugment.Cli.Tests;

public sealed class ErrorReportTests
{
    [Fact]
    public void Argument_exceptions_lose_the_parameter_name_and_the_actual_value_line()
    {
        var e = new ArgumentOutOfRangeException("epochs", 0, "--epochs must be at least 1, got 0");
        Assert.Contains('\n', e.Message);
        Assert.Equal("--epochs must be at least 1, got 0", ErrorReport.OneLine(e.Message));
        Assert.Equal("bad shape", ErrorReport.OneLine(new ArgumentException("bad shape", "x").Message));
    }

    [Fact]
    public void Exit_codes_separate_usage_data_and_cancellation()
    {
        Assert.Equal(2, ErrorReport.ExitCodeOf(new UsageException("--x: bad")));
        Assert.Equal(2, ErrorReport.ExitCodeOf(new ArgumentException("bad")));
        Assert.Equal(1, ErrorReport.ExitCodeOf(new DataFormatException("f: bad")));
        Assert.Equal(1, ErrorReport.ExitCodeOf(new DatasetNotFoundException("missing")));
        Assert.Equal(1, ErrorReport.ExitCodeOf(new CheckpointException("f: bad")));
        Assert.Equal(1, ErrorReport.ExitCodeOf(new FileNotFoundException("missing")));
        Assert.Equal(1, ErrorReport.ExitCodeOf(new InvalidDataException("bad")));
        Assert.Equal(130, ErrorReport.ExitCodeOf(new OperationCanceledException()));
        Assert.Null(ErrorReport.ExitCodeOf(new NullReferenceException()));
    }

    [Fact]
    public void A_bug_is_reported_as_internal_with_its_stack_trace()
    {
        var error = new StringWriter();
        Exception bug;
        try
        {
            throw new InvalidOperationException("invariant broken");
        }
        catch (InvalidOperationException e)
        {
            bug = e;
        }
        Assert.Equal(1, ErrorReport.Write(bug, error));
        Assert.StartsWith("ganaug: internal error: InvalidOperationException: invariant broken", error.ToString());
        Assert.Contains(nameof(A_bug_is_reported_as_internal_with_its_stack_trace), error.ToString());
    }
}
