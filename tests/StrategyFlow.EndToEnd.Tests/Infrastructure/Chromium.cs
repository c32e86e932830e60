using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace StrategyFlow.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download), and the accessibility check every page
/// of StrategyFlow must pass: axe-core finds no serious or critical violation.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ExecutablePath}: apt-get install chromium (scripts/test.sh does).");
        }
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Args = Arguments,
                Headless = true,
            });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>The narrowest phone every page must fit without scrolling sideways.</summary>
    public const int PhoneWidth = 375;

    /// <summary>
    /// A fresh page (own cookies and storage) whose relative URLs resolve against <paramref name="baseUrl"/>; a phone's
    /// viewport (<see cref="PhoneWidth"/> CSS pixels, touch, zoomed as phones do) when <paramref name="phone"/>.
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri baseUrl, bool phone = false)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var options = new BrowserNewContextOptions { BaseURL = baseUrl.ToString() };
        if (phone)
        {
            options.ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 740 };
            options.IsMobile = true;
            options.HasTouch = true;
            options.DeviceScaleFactor = 2;
        }

        var context = await _browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Fails unless the page is at most <see cref="PhoneWidth"/> CSS pixels wide: nothing makes a phone scroll sideways.</summary>
    /// <summary>
    /// Waits until the page's address contains <paramref name="part"/> and the page has loaded. Polls the address
    /// rather than waiting for a navigation event: a click that navigates the page from inside a frame can commit
    /// before Playwright's <c>WaitForURLAsync</c> starts listening, and that wait then never ends.
    /// </summary>
    public static async Task ArriveAtAsync(IPage page, string part)
    {
        await Assertions.Expect(page).ToHaveURLAsync(
            new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(part)), new() { Timeout = 15_000 });
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>
    /// Clicks a link inside the mail's sandboxed frame and waits until the page is at <paramref name="part"/>. Chromium
    /// has dropped such a click (the page stayed on the message for 15 s, once in the suite's runs), so a click that led
    /// nowhere within 5 s is made again, three clicks at most. Following a link twice is harmless (a GET); a page that
    /// never arrives still fails.
    /// </summary>
    public static async Task FollowFromFrameAsync(IPage page, ILocator link, string part)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(link);
        var there = new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(part));
        for (var click = 1; click <= 3 && !there.IsMatch(page.Url); click++)
        {
            await link.ClickAsync();
            if (click < 3)
            {
                try
                {
                    await Assertions.Expect(page).ToHaveURLAsync(there, new() { Timeout = 5_000 });
                }
                catch (PlaywrightException)
                {
                    // Dropped: the loop clicks again unless the page arrived meanwhile.
                }
            }
        }
        await ArriveAtAsync(page, part);
    }

    public static async Task AssertFitsAPhoneAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= PhoneWidth, $"{page.Url} is {width} px wide on a {PhoneWidth} px phone.");
    }

    /// <summary>Fails with the rule, impact and elements of every serious or critical axe-core violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        // Frames are left out: the mailbox shows mail in a sandboxed, script-less frame that axe cannot
        // enter (it would wait forever). Each page StrategyFlow serves is checked on its own.
        var result = await page.RunAxe(new AxeRunOptions { Iframes = false });
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(
            blocking.Count == 0,
            $"axe-core found serious or critical violations on {page.Url}:\n"
            + string.Join("\n", blocking.Select(v => $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
