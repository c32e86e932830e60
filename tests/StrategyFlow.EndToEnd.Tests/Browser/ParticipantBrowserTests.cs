using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Playwright;
using StrategyFlow.EndToEnd.Tests.Infrastructure;

namespace StrategyFlow.EndToEnd.Tests.Browser;

/// <summary>A stakeholder and an approver in Chromium: inbox, form, review; every page passes axe-core.</summary>
[Collection(LocalRuntimeCollection.Name)]
public sealed class ParticipantBrowserTests(LocalRuntimeFixture runtime)
{
    private readonly StrategyOps _ops = new(runtime);

    [Fact]
    public async Task StakeholderAnswersFromTheInboxAndApproverEditsAndApproves_PagesAreAccessible()
    {
        var request = StrategyOps.NewRequest("browser", 1, new JsonObject { ["responseWindow"] = "PT2M", ["approvalWindow"] = "PT2M" });
        var id = StrategyOps.Id(request);
        var stakeholder = StrategyOps.Stakeholder(request, 1);
        await _ops.StartAsync(request);
        var invitation = await _ops.WaitForMailAsync(stakeholder, "Invitation", "goals");

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(runtime.BaseUrl);

        // The inbox, the message, and the link clicked inside the message's sandboxed frame.
        await page.GotoAsync($"/dev/mailbox?to={Uri.EscapeDataString(stakeholder)}");
        await Chromium.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = invitation.Subject }).ClickAsync();
        await Chromium.AssertAccessibleAsync(page);
        await Chromium.FollowFromFrameAsync(page, page.FrameLocator("iframe[title='Message body']").Locator("a[href*='/api/forms/']").First, "/api/forms/");

        // The stage 1 form, filled field by field and submitted with the keyboard.
        await Chromium.AssertAccessibleAsync(page);
        await page.Locator("[name='responses[0]']").FillAsync("Asiakkaamme ovat LinkedInissä.");
        await page.Locator("[name='goals[0].title']").FillAsync("Liidit LinkedInistä");
        await page.Locator("[name='goals[0].businessGoal']").SelectOptionAsync(new SelectOptionValue { Label = "Kasvattaa B2B-liidejä 20 %" });
        await page.Locator("[name='goals[0].metric']").FillAsync("liidit / kk");
        await page.Locator("button[value='submit']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[name='goals[0].title']")).ToHaveCountAsync(0);
        await Chromium.AssertAccessibleAsync(page);

        // The approver's review page: edit the draft, approve.
        var review = await chromium.NewPageAsync(runtime.BaseUrl);
        await review.GotoAsync(await _ops.WaitForLinkAsync(StrategyOps.Approver(request), "ReviewRequest", "goals"));
        await Chromium.AssertAccessibleAsync(review);
        await review.Locator("[name='goals[0].title']").FillAsync("Liidit LinkedInistä ja tapahtumista");
        await review.Locator("button[value='approve']").ClickAsync();
        await Assertions.Expect(review.Locator("button[value='approve']")).ToHaveCountAsync(0);
        await Chromium.AssertAccessibleAsync(review);

        // The edit is what was approved: the stage snapshot in the archive holds it.
        await _ops.WaitForStatusAsync(
            id, s => s.GetProperty("decisions").EnumerateArray().Any(d => d.GetProperty("decision").GetString() == "Approved"), "the approval");
        var snapshot = new BlobContainerClient(runtime.StorageConnectionString, "strategies").GetBlobClient($"{id}/stages/1-goals.json");
        await Poll.UntilAsync(async () => (await snapshot.ExistsAsync()).Value, StrategyOps.StepTimeout, "the stage 1 snapshot");
        // Parsed and written back unescaped: the archive may escape non-ASCII letters as \uXXXX.
        var text = JsonNode.Parse((await snapshot.DownloadContentAsync()).Value.Content.ToString())!
            .ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("Liidit LinkedInistä ja tapahtumista", text, StringComparison.Ordinal);
        Assert.Matches("\"contentSha256\"\\s*:\\s*\"[0-9a-f]{64}\"", text);
    }
}
