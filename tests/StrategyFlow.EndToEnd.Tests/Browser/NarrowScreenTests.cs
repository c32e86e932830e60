using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using StrategyFlow.EndToEnd.Tests.Infrastructure;

namespace StrategyFlow.EndToEnd.Tests.Browser;

/// <summary>Every kind of page on a 375 px phone, with long unbroken words where people can type them.</summary>
[Collection(LocalRuntimeCollection.Name)]
public sealed class NarrowScreenTests(LocalRuntimeFixture runtime)
{
    /// <summary>What people paste: an address, a word with no place to break.</summary>
    private const string Unbroken = "https://www.example.com/campaigns/2027/linkedin-thought-leadership-series?utm_source=strategyflow";

    private readonly StrategyOps _ops = new(runtime);

    [Fact]
    public async Task EveryPageKind_OnA375PxPhone_FitsWithoutScrollingSideways()
    {
        var request = StrategyOps.NewRequest("narrow", 1, new JsonObject { ["responseWindow"] = "PT5M", ["approvalWindow"] = "PT5M" });
        request["title"] = "Someohjelma2027-sisäinenluonnos-versio-kolme-ilman-välilyöntejä";
        var id = StrategyOps.Id(request);
        var stakeholder = StrategyOps.Stakeholder(request, 1);
        await _ops.StartAsync(request);
        var invitation = await _ops.WaitForMailAsync(stakeholder, "Invitation", "goals");

        await using var chromium = await Chromium.LaunchAsync();
        var phone = await chromium.NewPageAsync(runtime.BaseUrl, phone: true);
        await phone.GotoAsync($"/dev/mailbox?to={Uri.EscapeDataString(stakeholder)}");
        await Chromium.AssertFitsAPhoneAsync(phone);
        await phone.GetByRole(AriaRole.Link, new() { Name = invitation.Subject }).ClickAsync();
        await Chromium.AssertFitsAPhoneAsync(phone);

        await phone.GotoAsync(await _ops.WaitForLinkAsync(stakeholder, "Invitation", "goals"));
        await Chromium.AssertFitsAPhoneAsync(phone);
        await phone.GetByLabel("Miksi meidän on tärkeää olla aktiivisia sosiaalisessa mediassa?").FillAsync(Unbroken);
        await phone.Locator("[name='goals[0].title']").FillAsync("Tavoite" + Unbroken);
        await phone.Locator("[name='goals[0].businessGoal']").SelectOptionAsync(new SelectOptionValue { Label = StrategyWalk.BusinessGoal });
        await phone.Locator("[name='goals[0].metric']").FillAsync(Unbroken);
        await phone.Locator("button[value='submit']").ClickAsync();
        await Assertions.Expect(phone.Locator("#summary")).ToContainTextAsync("Tavoite");
        await Chromium.AssertFitsAPhoneAsync(phone);

        await phone.GotoAsync(await _ops.WaitForLinkAsync(StrategyOps.Approver(request), "ReviewRequest", "goals"));
        await Chromium.AssertFitsAPhoneAsync(phone);
        await phone.Locator("button[value='approve']").ClickAsync();
        await Assertions.Expect(phone.Locator("button[value='approve']")).ToHaveCountAsync(0);
        await Chromium.AssertFitsAPhoneAsync(phone);

        await _ops.WaitForPhaseAsync(id, 2, "CollectingInput");
        using (var cancel = await runtime.OpsHttp.PostAsJsonAsync($"/api/strategies/{id}/cancel", new { reason = "Kokeilu " + Unbroken }))
        {
            cancel.EnsureSuccessStatusCode();
        }

        var outcome = await _ops.WaitForMailAsync(stakeholder, "Cancelled");
        await phone.GotoAsync(Assert.Single(outcome.Links, l => l.Contains("/api/forms/", StringComparison.Ordinal)));
        await Chromium.AssertFitsAPhoneAsync(phone);
        await phone.GetByRole(AriaRole.Link, new() { Name = "Tulostettava HTML-sivu" }).ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToContainTextAsync("Someohjelma2027");
        await Chromium.AssertFitsAPhoneAsync(phone);

        var owner = await _ops.WaitForMailAsync(StrategyOps.Owner(request), "Cancelled");
        await phone.GotoAsync(owner.Links.Last(l => l.Contains("/api/forms/", StringComparison.Ordinal)));
        await Assertions.Expect(phone.Locator("#events")).ToBeVisibleAsync();
        await Chromium.AssertFitsAPhoneAsync(phone);
    }
}
