using Microsoft.Playwright;

namespace StrategyFlow.EndToEnd.Tests.Infrastructure;

/// <summary>The words a person reads on StrategyFlow's pages and mails, in one language: what a walk clicks and fills by.</summary>
public sealed record Words(
    string Language,
    string WhyQuestion,
    string NewGoal,
    string Goal,
    string SupportsBusinessGoal,
    string Metric,
    string Target,
    string AddGoal,
    string Choose,
    string Send,
    string EditAnswer,
    string NewAudience,
    string Audience,
    string NewChannel,
    string Channel,
    string OtherAudiences,
    string Purpose,
    string NewActivity,
    string Activity,
    string Cadence,
    string ResultsReviewed,
    string OverallOwner,
    string Name,
    string Email,
    string NewParticipant,
    string PersonOrUnit,
    string Role,
    string Comment,
    string Approve,
    string RequestChanges,
    string ApprovalBlocked,
    string ReadApprovedStage,
    string ReadFinished,
    string SeeProgress,
    string FollowProgress,
    string PrintableHtml)
{
    public static Words Fi { get; } = new(
        "fi", "Miksi meidän on tärkeää olla aktiivisia sosiaalisessa mediassa?", "Uusi tavoite", "Tavoite", "Tukee liiketoiminnan tavoitetta",
        "Mittari", "Tavoitetaso", "+ Lisää tavoite", "Valitse…", "Lähetä vastaus", "Muokkaa vastaustasi", "Uusi kohderyhmä", "Kohderyhmä",
        "Uusi kanava", "Kanava", "Muut, pilkulla erotettuna", "Käyttötarkoitus", "Uusi aktiviteetti", "Aktiviteetti", "Toistuvuus",
        "Tulokset arvioidaan", "Kokonaisvastuu", "Nimi", "Sähköposti", "Uusi osallistuja", "Henkilö tai yksikkö", "Rooli", "Kommentti",
        "Hyväksy vaihe", "Pyydä muutoksia", "Vaihetta ei voi vielä hyväksyä", "Lue hyväksytty vaihe", "Lue valmis strategia",
        "Katso strategian tilanne", "Seuraa strategian etenemistä", "Tulostettava HTML-sivu");

    public static Words En { get; } = new(
        "en", "Why is it important for us to be active on social media?", "New goal", "Goal", "Supports the business goal",
        "Metric", "Target", "+ Add goal", "Choose…", "Send answer", "Edit your answer", "New audience", "Audience",
        "New channel", "Channel", "Others, separated by commas", "Purpose", "New activity", "Activity", "Cadence",
        "Results reviewed", "Overall owner", "Name", "Email", "New participant", "Person or unit", "Role", "Comment",
        "Approve stage", "Request changes", "The stage cannot be approved yet", "Read the approved stage", "Read the finished strategy",
        "See where the strategy stands", "Follow the strategy's progress", "Printable HTML page");
}

/// <summary>
/// A person at their inbox and StrategyFlow's pages in Chromium: mail is opened from the development mailbox and its
/// link followed; every kind of page is checked on the way (axe-core, and a 375 px phone without sideways
/// scrolling) and, when <c>STRATEGYFLOW_SCREENSHOTS</c> names a folder, photographed for the README.
/// </summary>
public sealed class BrowserWalk(LocalRuntimeFixture runtime, IPage page, string language)
{
    private const int DesktopWidth = 1280;

    private readonly StrategyOps _ops = new(runtime);
    private readonly HashSet<string> _checkedKinds = [];

    public IPage Page => page;

    /// <summary>The page kinds checked so far.</summary>
    public IReadOnlySet<string> Checked => _checkedKinds;

    /// <summary>Where README screenshots go; null unless asked for.</summary>
    private static string? ScreenshotFolder => Environment.GetEnvironmentVariable("STRATEGYFLOW_SCREENSHOTS") is { Length: > 0 } folder ? folder : null;

    /// <summary>
    /// Opens the newest mail of <paramref name="kind"/> to <paramref name="recipient"/> from the inbox and follows its link
    /// (the one named <paramref name="linkText"/>, else the personal link); the first time also checks the inbox and the message.
    /// </summary>
    public async Task FollowMailAsync(string recipient, string kind, string? stage = null, int? round = null, string? linkText = null)
    {
        var mail = await _ops.WaitForMailAsync(recipient, kind, stage, round);
        await page.GotoAsync($"/dev/mailbox?to={Uri.EscapeDataString(recipient)}");
        await CheckOnceAsync("mailbox");
        await page.Locator($"a[href='/dev/mailbox/messages/{mail.Id}/view']").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(mail.Subject);
        await CheckOnceAsync("mail");
        var body = page.FrameLocator("iframe[title='Message body']");
        var link = linkText is null ? body.Locator("a[href*='/api/forms/']").First : body.GetByRole(AriaRole.Link, new() { Name = linkText });
        await Chromium.FollowFromFrameAsync(page, link, "/api/forms/");
    }

    /// <summary>Checks the page shown now as <paramref name="kind"/> (once per kind is enough; later calls only keep it in the list).</summary>
    public async Task CheckAsync(string kind)
    {
        await Chromium.AssertAccessibleAsync(page);
        await page.SetViewportSizeAsync(Chromium.PhoneWidth, 740);
        try
        {
            await Chromium.AssertFitsAPhoneAsync(page);
            if (ScreenshotFolder is { } phoneFolder && kind is "form" or "progress")
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(phoneFolder, $"{kind}-phone-{language}.png"), FullPage = false });
            }
        }
        finally
        {
            await page.SetViewportSizeAsync(DesktopWidth, 900);
        }

        if (ScreenshotFolder is { } folder)
        {
            // Whole pages, except where the point is one part: the top of a blocked approval, the choice on an even split.
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{kind}-{language}.png");
            if (kind == "review-tie")
            {
                await page.Locator("#f-overallOwner").ScreenshotAsync(new() { Path = path });
            }
            else
            {
                await page.ScreenshotAsync(new() { Path = path, FullPage = kind != "review-blocked" });
            }
        }

        _checkedKinds.Add(kind);
    }

    private async Task CheckOnceAsync(string kind)
    {
        if (!_checkedKinds.Contains(kind))
        {
            await CheckAsync(kind);
        }
    }

    /// <summary>The row of a list editor named by its heading (a group labelled "New goal", "Goal 1", …).</summary>
    public ILocator Row(string heading) => page.GetByRole(AriaRole.Group, new() { Name = heading, Exact = true });

    public Task FillAsync(string label, string value) => page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public Task ClickAsync(string button) => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
}
