namespace Attendance.Integration.Tests.Browser;

/// <summary>
/// Headless Chromium driven by Playwright: Debian's browser (<c>CHROMIUM_PATH</c>, which test.sh sets, else
/// /usr/bin/chromium), never a downloaded one. One browser per test class; each test opens its own contexts.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Chromium is not started.");

    /// <summary>Where the tests leave screenshots of what a participant or organizer sees.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } set ? set : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {path}: run ./test.sh, which installs Debian's chromium, or set CHROMIUM_PATH.");
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true });
    }

    /// <summary>A phone: 360 px wide, touch, Indonesian locale, Jakarta time.</summary>
    public Task<IBrowserContext> PhoneAsync() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 360, Height = 780 },
        IsMobile = true,
        HasTouch = true,
        DeviceScaleFactor = 2,
        Locale = "id-ID",
        TimezoneId = "Asia/Jakarta",
    });

    /// <summary>The organizer's desk: a desktop browser that sends the function key, at the given size or the default one.</summary>
    public Task<IBrowserContext> DeskAsync(ViewportSize? viewport = null) => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ExtraHTTPHeaders = new Dictionary<string, string> { ["x-functions-key"] = TestSettings.FunctionKey },
        ViewportSize = viewport,
    });

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
