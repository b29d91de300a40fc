namespace GanAugment.Cli.Tests.Report;

/// <summary><c>ganaug report</c> on the short AC-GAN run of the "trained run" collection and on hand-made evaluation folders (the browser test checks the rendering).</summary>
[Collection(TrainedRunCollection.Name)]
public sealed class ReportCommandTests(TrainedRun trained)
{
    private CliHarness Cli => trained.Harness;

    [Fact]
    public void A_run_report_is_one_self_contained_file_with_every_section()
    {
        Assert.True(trained.TrainResult.ExitCode == 0, trained.TrainResult.ToString());
        var output = Cli.PathOf("run-report.html");
        var result = Cli.Run("report", trained.RunDir, "--out", output);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(output, result.Out.Trim());
        Assert.False(File.Exists(output + ".tmp"));

        var html = File.ReadAllText(output);
        foreach (var section in new[] { "<h2>Options</h2>", "<h2>Losses</h2>", "<h2>Statistics against the real data</h2>", "<h2>Samples over the epochs</h2>", "Real images beside generated ones" })
            Assert.Contains(section, html);
        Assert.Contains("<td>ModelOptions.latent-dim</td>", html);
        Assert.Contains("<td>Trainer.Seed</td><td class=\"num\">7</td>", html);
        // The loss charts (per step with smoothing and epoch dots; per epoch), the stats chart, two sample grids, the real grid beside the last.
        Assert.Equal(7, Count(html, "src=\"data:image/png;base64,"));
        Assert.Equal(1, Count(html, "class=\"timelapse\""));
        Assert.Equal(2, Count(html, "<figure class=\"frame"));
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain(" src=\"file", html);
    }

    [Fact]
    public void Default_output_is_report_html_in_the_folder_and_text_is_escaped()
    {
        var folder = Cli.PathOf("evaluation");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "results.md"), """
            # Protocol <script>alert(1)</script>

            Scores & more.

            | method | accuracy |
            |---|---:|
            | Plain | 0.5000 ± 0.0100 |
            | SMOTE <b> | 0.6000 ± 0.0200 (p=0.031) |
            """);
        var result = Cli.Run("report", folder);
        Assert.True(result.ExitCode == 0, result.ToString());
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("<h2>Protocol &lt;script&gt;alert(1)&lt;/script&gt;</h2>", html);
        Assert.Contains("<p>Scores &amp; more.</p>", html);
        Assert.Contains("<td>SMOTE &lt;b&gt;</td><td style=\"text-align:right\">0.6000 ± 0.0200 (p=0.031)</td>", html);
        Assert.DoesNotContain("<script>alert", html);
    }

    [Fact]
    public void A_folder_that_is_neither_is_a_one_line_usage_error()
    {
        var folder = Cli.PathOf("empty");
        Directory.CreateDirectory(folder);
        var result = Cli.Run("report", folder);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"ganaug: error: <folder>: {folder} is neither a run directory (no options.json) nor an evaluation folder (no results.md, report.md, fewshot.md, evaluation.md, features.md)", Assert.Single(result.ErrorLines));
        Assert.Empty(Directory.GetFiles(folder));

        var missing = Cli.Run("report", Cli.PathOf("nowhere"));
        Assert.Equal(2, missing.ExitCode);
        Assert.EndsWith("nowhere does not exist", Assert.Single(missing.ErrorLines));
    }

    [Fact]
    public void A_line_cut_short_in_a_killed_run_is_a_note_naming_the_file_and_line()
    {
        Assert.True(trained.TrainResult.ExitCode == 0, trained.TrainResult.ToString());
        var copy = Cli.PathOf("killed-run");
        Directory.CreateDirectory(copy);
        foreach (var file in new[] { "options.json", "epoch_losses.csv" }) File.Copy(Path.Combine(trained.RunDir, file), Path.Combine(copy, file));
        File.WriteAllText(Path.Combine(copy, "losses.csv"), "epoch,step,loss,value\n1,1,g,0.5\n1,2,g\n");
        var result = Cli.Run("report", copy);
        Assert.True(result.ExitCode == 0, result.ToString());
        var error = $"{Path.Combine(copy, "losses.csv")}:3: 3 fields, but the header has 4 (epoch,step,loss,value)";
        Assert.Equal($"ganaug: note: {error}; that part of the report is left out", Assert.Single(result.ErrorLines));
        var html = File.ReadAllText(Path.Combine(copy, "report.html"));
        Assert.Contains($"<p class=\"note\">{error}; the rest of this section is left out.</p>", html);
        // The epoch means are still drawn and tabled.
        Assert.Contains("each loss&#39;s mean per epoch (epoch_losses.csv)", html);
        Assert.Contains("<caption>epoch_losses.csv</caption>", html);
    }

    private static int Count(string text, string what)
    {
        var (n, at) = (0, 0);
        while ((at = text.IndexOf(what, at, StringComparison.Ordinal)) >= 0) (n, at) = (n + 1, at + what.Length);
        return n;
    }
}
