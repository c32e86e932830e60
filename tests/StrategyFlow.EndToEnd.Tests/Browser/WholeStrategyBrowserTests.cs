using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using StrategyFlow.EndToEnd.Tests.Infrastructure;

namespace StrategyFlow.EndToEnd.Tests.Browser;

/// <summary>
/// A whole strategy in Chromium, as its people live it: three stakeholders, two approvers who must all approve, the
/// owner. Everything is opened from the development mailbox and done by visible labels: the four stages, a send-back,
/// an approval the coherence errors block, an even split the approver must choose on, then the finished strategy
/// read and downloaded from the outcome mail and followed on the owner's progress page. Every kind of page passes
/// axe-core and fits a 375 px phone; in Finnish and in English.
/// </summary>
[Collection(LocalRuntimeCollection.Name)]
public sealed class WholeStrategyBrowserTests(LocalRuntimeFixture runtime)
{
    private static readonly string[] PageKinds =
    [
        "mailbox", "mail", "form", "receipt", "review", "review-blocked", "decision", "form-sent-back", "closed-round", "review-shared",
        "reader", "progress", "review-tie", "archived-html", "invalid-link",
    ];

    private readonly StrategyOps _ops = new(runtime);

    [Theory]
    [InlineData("fi")]
    [InlineData("en")]
    public async Task WholeStrategy_ThreeStakeholdersTwoApproversInTheBrowser_EveryPageGuidesAndFits(string language)
    {
        var fi = language == "fi";
        var w = fi ? Words.Fi : Words.En;
        var request = Request(language);
        var id = StrategyOps.Id(request);
        string S(int i) => StrategyOps.Stakeholder(request, i);
        string A(int i) => request["approvers"]![i - 1]!["email"]!.GetValue<string>();
        string Name(JsonNode? people, int i) => people![i - 1]!["name"]!.GetValue<string>();
        var owner = StrategyOps.Owner(request);
        string[] goals = fi ? ["Lisää liidejä LinkedInistä", "Tunnettuus nuorten osaajien keskuudessa"] : ["More leads from LinkedIn", "Known among young professionals"];
        var businessGoals = request["businessGoals"]!.AsArray().Select(g => g!.GetValue<string>()).ToArray();
        await _ops.StartAsync(request);

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(runtime.BaseUrl);
        await page.SetViewportSizeAsync(1280, 900);
        var walk = new BrowserWalk(runtime, page, language);

        // ---- Stage 1, round 1: "+ Add" adds one row and returns there; the receipt summarises and links back.
        await walk.FollowMailAsync(S(1), "Invitation", "goals");
        await walk.CheckAsync("form");
        await walk.FillAsync(w.WhyQuestion, fi ? "Asiakkaamme etsivät tietoa verkosta." : "Our customers look for us online.");
        await FillGoalAsync(walk.Row(w.NewGoal), w, goals[0], businessGoals[0]);
        await walk.ClickAsync(w.AddGoal);
        await Chromium.ArriveAtAsync(page, "#new-goals");
        await Assertions.Expect(walk.Row(w.NewGoal)).ToHaveCountAsync(1);
        await Assertions.Expect(walk.Row($"{w.Goal} 1").GetByLabel(w.Goal, new() { Exact = true })).ToHaveValueAsync(goals[0]);
        await Assertions.Expect(walk.Row(w.NewGoal)).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Tab"); // from the anchor, the next field is the new row's first
        await Assertions.Expect(walk.Row(w.NewGoal).GetByLabel(w.Goal, new() { Exact = true })).ToBeFocusedAsync();
        await FillGoalAsync(walk.Row(w.NewGoal), w, goals[1], businessGoals[1]);
        await walk.ClickAsync(w.Send);
        var summary = page.Locator("#summary");
        await Assertions.Expect(summary).ToContainTextAsync(goals[0]);
        await Assertions.Expect(summary).ToContainTextAsync(goals[1]);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(request["title"]!.GetValue<string>());
        await Assertions.Expect(page.Locator("#next time")).ToHaveCountAsync(1);
        await walk.CheckAsync("receipt");
        await page.GetByRole(AriaRole.Link, new() { Name = w.EditAnswer }).ClickAsync();
        await Assertions.Expect(walk.Row($"{w.Goal} 2").GetByLabel(w.Goal, new() { Exact = true })).ToHaveValueAsync(goals[1]);

        await AnswerGoalAsync(walk, w, S(2), goals[0], businessGoals[0]);
        await AnswerGoalAsync(walk, w, S(3), goals[1], businessGoals[1]);

        // ---- The review: answers by name; a blocked approval points at the row; then a send-back.
        await walk.FollowMailAsync(A(1), "ReviewRequest", "goals");
        await Assertions.Expect(page.Locator("#answers h3").First).ToHaveTextAsync(Name(request["stakeholders"], 1));
        await Assertions.Expect(page.Locator(".intro .meta")).ToContainTextAsync(fi ? "päätöstä toivotaan viimeistään" : "please decide by");
        await walk.CheckAsync("review");
        await walk.Row($"{w.Goal} 1").GetByLabel(w.SupportsBusinessGoal).SelectOptionAsync(new SelectOptionValue { Label = w.Choose });
        await walk.ClickAsync(w.Approve);
        var blocked = page.Locator(".error-summary");
        await Assertions.Expect(blocked).ToContainTextAsync(w.ApprovalBlocked);
        await Assertions.Expect(blocked).Not.ToContainTextAsync(fi ? "Lomake:" : "Form:");
        await walk.CheckAsync("review-blocked");
        await blocked.Locator("ul ul a").First.ClickAsync();
        await Chromium.ArriveAtAsync(page, "#f-goals-0");
        await Assertions.Expect(page.Locator("#f-goals-0 .finding.error")).ToBeVisibleAsync();
        var comment = fi ? "Lisätkää tavoitetasot." : "Please add the targets.";
        await walk.FillAsync(w.Comment, comment);
        await walk.ClickAsync(w.RequestChanges);
        await Assertions.Expect(page.Locator("[data-notice='DecisionRecorded']")).ToBeVisibleAsync();
        await walk.CheckAsync("decision");

        // ---- Round 2: the form names who sent it back and when; the round-1 link shows the answer read-only.
        await walk.FollowMailAsync(S(1), "SentBack", "goals", 2);
        var note = page.Locator("#sent-back");
        await Assertions.Expect(note).ToContainTextAsync(Name(request["approvers"], 1));
        await Assertions.Expect(note).ToContainTextAsync(comment);
        await Assertions.Expect(note.Locator("time")).ToHaveCountAsync(1);
        await walk.CheckAsync("form-sent-back");
        await walk.ClickAsync(w.Send);
        await Assertions.Expect(page.Locator("#summary")).ToBeVisibleAsync();
        await walk.FollowMailAsync(S(2), "Invitation", "goals", 1);
        await Assertions.Expect(page.Locator("#your-answer")).ToContainTextAsync(goals[0]);
        await Assertions.Expect(page.Locator("main input, main textarea, main select")).ToHaveCountAsync(0);
        await walk.CheckAsync("closed-round");
        foreach (var stakeholder in new[] { S(2), S(3) })
        {
            await walk.FollowMailAsync(stakeholder, "SentBack", "goals", 2);
            await walk.ClickAsync(w.Send);
            await Assertions.Expect(page.Locator("#summary")).ToBeVisibleAsync();
        }

        // ---- Both approvers approve: the second sees the first one's decision.
        await ApproveAsync(walk, w, A(1), "goals", 2);
        await walk.FollowMailAsync(A(2), "ReviewRequest", "goals", 2);
        await Assertions.Expect(page.Locator("#h-activity + ul")).ToContainTextAsync(Name(request["approvers"], 1));
        await walk.CheckAsync("review-shared");
        await walk.ClickAsync(w.Approve);
        await Assertions.Expect(page.Locator("[data-notice='DecisionRecorded']")).ToBeVisibleAsync();

        // ---- The owner: the approved stage to read, and the progress page.
        await walk.FollowMailAsync(owner, "StageApproved", "goals", linkText: w.ReadApprovedStage);
        await Chromium.ArriveAtAsync(page, "#stage-1");
        await Assertions.Expect(page.Locator("#stage-1")).ToContainTextAsync(goals[1]);
        await walk.FollowMailAsync(owner, "Started", linkText: w.SeeProgress);
        await Assertions.Expect(page.Locator(".timeline .step").First).ToHaveClassAsync("step done");
        await walk.CheckAsync("progress");
        await walk.FollowMailAsync(S(1), "SentBack", "goals", 2);
        await Assertions.Expect(page.Locator("#approved")).ToContainTextAsync(goals[0]);

        // ---- Stages 2 and 3.
        string[] audiences = fi ? ["Ostopäättäjät", "Opiskelijat"] : ["Buyers", "Students"];
        string[] channels = ["LinkedIn", "Instagram"];
        for (var i = 1; i <= 3; i++)
        {
            var n = i == 3 ? 1 : 0;
            await walk.FollowMailAsync(S(i), "Invitation", "audiences");
            await walk.Row(w.NewAudience).GetByLabel(w.Audience, new() { Exact = true }).FillAsync(audiences[n]);
            await walk.Row(w.NewChannel).GetByLabel(w.Channel, new() { Exact = true }).FillAsync(channels[n]);
            await walk.Row(w.NewChannel).GetByLabel(w.OtherAudiences).FillAsync(audiences[n]);
            await walk.Row(w.NewChannel).GetByLabel(w.Purpose).FillAsync(fi ? "Näkyvyys" : "Visibility");
            await walk.ClickAsync(w.Send);
            await Assertions.Expect(page.Locator("#summary")).ToBeVisibleAsync();
        }

        await ApproveAsync(walk, w, A(1), "audiences");
        await ApproveAsync(walk, w, A(2), "audiences");
        string[] activities = fi ? ["Asiakastarinat", "Rekrytointivideot"] : ["Customer stories", "Recruiting videos"];
        for (var i = 1; i <= 3; i++)
        {
            var n = i == 3 ? 1 : 0;
            await walk.FollowMailAsync(S(i), "Invitation", "activities");
            var row = walk.Row(w.NewActivity);
            await row.GetByLabel(w.Activity, new() { Exact = true }).FillAsync(activities[n]);
            await row.GetByLabel(goals[n], new() { Exact = true }).CheckAsync();
            await row.GetByLabel(channels[n], new() { Exact = true }).CheckAsync();
            await row.GetByLabel(w.Cadence).FillAsync(fi ? "Viikoittain" : "Weekly");
            await row.GetByLabel(w.Metric).FillAsync(fi ? "Liidit" : "Leads");
            await row.GetByLabel(w.ResultsReviewed).FillAsync(fi ? "Kuukausittain" : "Monthly");
            await walk.ClickAsync(w.Send);
            await Assertions.Expect(page.Locator("#summary")).ToBeVisibleAsync();
        }

        await ApproveAsync(walk, w, A(1), "activities");
        await ApproveAsync(walk, w, A(2), "activities");

        // ---- Stage 4: three stakeholders name three overall owners: the approver must choose.
        string[] overall = ["Olli Omistaja", "Aino Vastuu", "Pekka Päällikkö"];
        for (var i = 1; i <= 3; i++)
        {
            await walk.FollowMailAsync(S(i), "Invitation", "ownership");
            var whole = page.Locator("#f-overallOwner");
            await whole.GetByLabel(w.Name, new() { Exact = true }).FillAsync(overall[i - 1]);
            await whole.GetByLabel(w.Email, new() { Exact = true }).FillAsync($"owner{i}@example.test");
            await walk.FillAsync(channels[0], "Sanna");
            await walk.FillAsync(channels[1], "Matti");
            await walk.FillAsync(activities[0], "Sanna");
            await walk.FillAsync(activities[1], "Matti");
            await walk.Row(w.NewParticipant).GetByLabel(w.PersonOrUnit).FillAsync(fi ? "Markkinointi" : "Marketing");
            await walk.Row(w.NewParticipant).GetByLabel(w.Role).FillAsync(fi ? "Sisällöt" : "Content");
            await walk.ClickAsync(w.Send);
            await Assertions.Expect(page.Locator("#summary")).ToBeVisibleAsync();
        }

        await walk.FollowMailAsync(A(1), "ReviewRequest", "ownership");
        var tie = page.Locator("#f-overallOwner fieldset.tie");
        await Assertions.Expect(tie.GetByRole(AriaRole.Radio)).ToHaveCountAsync(3);
        await walk.ClickAsync(w.Approve);
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync(w.ApprovalBlocked);
        await walk.CheckAsync("review-tie");
        await page.Locator("#f-overallOwner fieldset.tie").GetByText(overall[1], new() { Exact = false }).ClickAsync();
        await walk.ClickAsync(w.Approve);
        await Assertions.Expect(page.Locator("[data-notice='DecisionRecorded']")).ToBeVisibleAsync();
        await ApproveAsync(walk, w, A(2), "ownership");

        // ---- The end: the reader link from the outcome mail, the printable document, the owner's page, the timeline.
        await walk.FollowMailAsync(S(3), "Completed", linkText: w.ReadFinished);
        foreach (var stage in new[] { 1, 2, 3, 4 })
        {
            await Assertions.Expect(page.Locator($"#stage-{stage} .responses")).ToHaveCountAsync(1);
        }

        await Assertions.Expect(page.Locator("#stage-4")).ToContainTextAsync(overall[1]);
        await walk.CheckAsync("reader");
        await page.GetByRole(AriaRole.Link, new() { Name = w.PrintableHtml }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(request["title"]!.GetValue<string>());
        await walk.CheckAsync("archived-html");
        await walk.FollowMailAsync(owner, "Completed", linkText: w.FollowProgress);
        await Assertions.Expect(page.Locator(".timeline .step.done")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#events")).ToContainTextAsync(Name(request["stakeholders"], 3));
        await page.GotoAsync("/api/forms/not-a-link");
        await walk.CheckAsync("invalid-link");

        var timeline = await runtime.OpsHttp.GetFromJsonAsync<JsonElement>($"/api/strategies/{id}/timeline");
        var events = timeline.GetProperty("events").EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("event").GetString() == "mailSent" && e.GetProperty("mail").GetString() == "Completed");
        Assert.Equal(2, events.Count(e => e.GetProperty("event").GetString() == "reviewPrepared" && e.GetProperty("stage").GetInt32() == 1));
        Assert.Equal(PageKinds.Order(), walk.Checked.Order());
    }

    private static async Task FillGoalAsync(ILocator row, Words w, string title, string businessGoal)
    {
        await row.GetByLabel(w.Goal, new() { Exact = true }).FillAsync(title);
        await row.GetByLabel(w.SupportsBusinessGoal).SelectOptionAsync(new SelectOptionValue { Label = businessGoal });
        await row.GetByLabel(w.Metric, new() { Exact = true }).FillAsync("100");
        await row.GetByLabel(w.Target).FillAsync("500");
    }

    private static async Task AnswerGoalAsync(BrowserWalk walk, Words w, string stakeholder, string title, string businessGoal)
    {
        await walk.FollowMailAsync(stakeholder, "Invitation", "goals");
        await FillGoalAsync(walk.Row(w.NewGoal), w, title, businessGoal);
        await walk.ClickAsync(w.Send);
        await Assertions.Expect(walk.Page.Locator("#summary")).ToBeVisibleAsync();
    }

    private static async Task ApproveAsync(BrowserWalk walk, Words w, string approver, string stage, int round = 1)
    {
        await walk.FollowMailAsync(approver, "ReviewRequest", stage, round);
        await walk.ClickAsync(w.Approve);
        await Assertions.Expect(walk.Page.Locator("[data-notice='DecisionRecorded']")).ToBeVisibleAsync();
    }

    /// <summary>A strategy with its own people: three stakeholders, two approvers under policy all, time enough for a person's pace.</summary>
    private static JsonObject Request(string language)
    {
        var fi = language == "fi";
        var timing = new JsonObject { ["responseWindow"] = "PT30M", ["reminderInterval"] = "PT20M", ["maxReminders"] = 1, ["approvalWindow"] = "PT30M" };
        var request = StrategyOps.NewRequest("walk-" + language, 3, timing);
        request["language"] = language;
        request["policy"] = "all";
        string[] stakeholders = fi ? ["Sanna Sisältö", "Mikko Myynti", "Maria Rekry"] : ["Sarah Content", "Mike Sales", "Mary Hiring"];
        for (var i = 0; i < 3; i++)
        {
            request["stakeholders"]![i]!["name"] = stakeholders[i];
        }

        request["approvers"] = new JsonArray(
            new JsonObject { ["name"] = fi ? "Aino Arvioija" : "Anna Reviewer", ["email"] = DevMailbox.NewRecipient("approver1") },
            new JsonObject { ["name"] = fi ? "Veikko Päättäjä" : "Victor Decider", ["email"] = DevMailbox.NewRecipient("approver2") });
        if (!fi)
        {
            request["title"] = "Social media strategy 2027";
            request["owner"]!["name"] = "Oliver Owner";
            request["businessGoals"] = new JsonArray("Grow B2B leads by 20%", "Strengthen the employer brand");
        }

        return request;
    }
}
