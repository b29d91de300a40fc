using Microsoft.Playwright;

namespace GanAugment.Cli.Tests.Report;

/// <summary>
/// The reports in a real browser: headless Chromium (the system's, see <see cref="FactWhenChromiumAttribute"/>)
/// driven by Playwright opens the report of the short trained run and of a small `evaluate imbalance`
/// folder, checks that every image decoded, every table has rows, nothing went to the console as an
/// error, and the time-lapse pauses and plays, and saves a full-page screenshot in the test's folder.
/// </summary>
[Collection(TrainedRunCollection.Name)]
public sealed class ReportBrowserTests(TrainedRun trained)
{
    private CliHarness Cli => trained.Harness;

    [FactWhenChromium]
    public async Task The_run_report_renders_and_its_time_lapse_pauses_and_plays()
    {
        Assert.True(trained.TrainResult.ExitCode == 0, trained.TrainResult.ToString());
        var report = Cli.PathOf("browser-run.html");
        var result = Cli.Run("report", trained.RunDir, "--out", report);
        Assert.True(result.ExitCode == 0, result.ToString());

        await using var browser = await Browser.OpenAsync();
        var page = await browser.LoadAsync(report);
        Assert.Equal(7, await page.EvaluateAsync<int>("() => document.images.length"));
        await AssertRenderedAsync(page);

        // The time-lapse plays on load; pause it, see the frame stay, play it, see the frame move.
        const string lapse = "figure.timelapse";
        var play = page.Locator($"{lapse} button.play");
        Assert.Equal("pause", await play.TextContentAsync());
        await play.ClickAsync();
        Assert.Equal("play", await play.TextContentAsync());
        var paused = await page.GetAttributeAsync(lapse, "data-frame");
        await page.WaitForTimeoutAsync(1200);
        Assert.Equal(paused, await page.GetAttributeAsync(lapse, "data-frame"));
        Assert.Equal(1, await page.Locator($"{lapse} .frame:visible").CountAsync());
        await play.ClickAsync();
        await page.WaitForFunctionAsync("f => document.querySelector('figure.timelapse').dataset.frame !== f", paused, new() { Timeout = 5000 });
        var label = await page.Locator($"{lapse} .controls .label").TextContentAsync();
        Assert.Matches("^epoch [12]$", label);

        // The slider picks a frame; "show all" lays both out.
        await page.Locator($"{lapse} input.slider").FillAsync("0");
        Assert.Equal("0", await page.GetAttributeAsync(lapse, "data-frame"));
        Assert.Equal("epoch 1", await page.Locator($"{lapse} .controls .label").TextContentAsync());
        await page.Locator($"{lapse} button.all").ClickAsync();
        Assert.Equal(2, await page.Locator($"{lapse} .frame:visible").CountAsync());

        await browser.ScreenshotAsync(page, Cli.PathOf("run-report.png"));
    }

    [FactWhenChromium]
    public async Task The_evaluation_report_renders_its_tables_and_charts()
    {
        var folder = Cli.PathOf("imbalance");
        var evaluate = Cli.Run("evaluate", "imbalance", "--data", "mnist-small", "--target-class", "3", "--methods", "plain,mirror,smote", "--seeds", "2",
            "--classifier-epochs", "1", "--classifier-max-steps", "2", "--classifier-width", "4", "--classifier-hidden", "16", "--out", folder);
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        var result = Cli.Run("report", folder);
        Assert.True(result.ExitCode == 0, result.ToString());

        await using var browser = await Browser.OpenAsync();
        var page = await browser.LoadAsync(Path.Combine(folder, "report.html"));
        await AssertRenderedAsync(page);
        Assert.True(await page.Locator("table").CountAsync() >= 2);
        // The mean ± std table: a row per method, each non-baseline cell with its Welch p-value.
        Assert.Equal(3, await page.Locator("table").First.Locator("tbody tr").CountAsync());
        Assert.Contains("(p=", await page.Locator("table").First.Locator("tbody tr").Nth(1).TextContentAsync());
        // results.png and the two synthetic_*.png.
        Assert.Equal(3, await page.EvaluateAsync<int>("() => document.images.length"));
        await browser.ScreenshotAsync(page, Cli.PathOf("evaluation-report.png"));
    }

    /// <summary>Every image decoded, every table has body rows, no console errors or page errors.</summary>
    private static async Task AssertRenderedAsync(LoadedPage page)
    {
        var broken = await page.Page.EvaluateAsync<string[]>(
            "() => Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.alt)");
        Assert.Empty(broken);
        var empty = await page.Page.EvaluateAsync<int>(
            "() => Array.from(document.querySelectorAll('table')).filter(t => t.querySelectorAll('tbody tr').length === 0).length");
        Assert.Equal(0, empty);
        Assert.True(await page.Page.Locator("table").CountAsync() > 0);
        Assert.Empty(page.Errors);
    }

    /// <summary>A page with the console errors and uncaught exceptions it produced.</summary>
    private sealed record LoadedPage(IPage Page, List<string> Errors)
    {
        public Task<T> EvaluateAsync<T>(string script) => Page.EvaluateAsync<T>(script);

        public ILocator Locator(string selector) => Page.Locator(selector);

        public Task<string?> GetAttributeAsync(string selector, string name) => Page.GetAttributeAsync(selector, name);

        public Task WaitForTimeoutAsync(float ms) => Page.WaitForTimeoutAsync(ms);

        public Task<IJSHandle> WaitForFunctionAsync(string script, object? arg, PageWaitForFunctionOptions options) => Page.WaitForFunctionAsync(script, arg, options);
    }

    /// <summary>Playwright with the system Chromium (its own browser download cannot work offline).</summary>
    private sealed class Browser : IAsyncDisposable
    {
        private readonly IPlaywright _playwright;
        private readonly IBrowser _browser;

        private Browser(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

        public static async Task<Browser> OpenAsync()
        {
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = FactWhenChromiumAttribute.Executable,
                Headless = true,
                // NOTE: CI runs as root, where Chromium refuses to start with its sandbox.
                Args = ["--no-sandbox"],
            });
            return new Browser(playwright, browser);
        }

        public async Task<LoadedPage> LoadAsync(string file)
        {
            var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
            var errors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
            page.PageError += (_, error) => errors.Add(error);
            page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url}");
            var response = await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            Assert.NotNull(response);
            return new LoadedPage(page, errors);
        }

        public async Task ScreenshotAsync(LoadedPage page, string path)
        {
            await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            Assert.True(new FileInfo(path).Length > 10_000, $"{path} is too small to be a screenshot of the report");
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.CloseAsync();
            _playwright.Dispose();
        }
    }
}
