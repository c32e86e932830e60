using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Playwright;
using StrategyFlow.EndToEnd.Tests.Infrastructure;

namespace StrategyFlow.EndToEnd.Tests.Browser;

/// <summary>
/// The largest valid stage 1 content in the worst encoding on the approver's review page in Chromium: every
/// text at its maximum length in characters of three UTF-8 bytes (nine once URL-encoded), fifty goals, twenty
/// business goals as long, and a full comment. Approving, sending back and rejecting each go through, and the
/// comment typed is the one recorded.
/// </summary>
[Collection(LocalRuntimeCollection.Name)]
public sealed class LargestReviewBrowserTests(LocalRuntimeFixture runtime)
{
    // The validator's maxima (StrategyFlow.Core.Answers.Limits) and the most business goals a strategy has.
    private const int ShortText = 200;
    private const int MediumText = 1_000;
    private const int LongText = 4_000;
    private const int Comment = 2_000;
    private const int ListItems = 50;
    private const int References = 20;
    private const int BusinessGoals = 20;

    private readonly StrategyOps _ops = new(runtime);

    /// <summary><paramref name="length"/> characters of three UTF-8 bytes each; <paramref name="seed"/> dashes first keep names apart.</summary>
    private static string Worst(int length, int seed = 0) => new string('–', seed) + new string('€', length - seed);

    [Fact]
    public async Task ReviewPage_LargestValidDraftInTheWorstEncoding_ApproveSendBackAndRejectEachGoThrough()
    {
        string[] buttons = ["approve", "requestChanges", "reject"];
        var requests = buttons.Select(_ => LargestRequest()).ToArray();
        await Task.WhenAll(requests.Select(_ops.StartAsync));
        await Task.WhenAll(requests.Select(request => AnswerAsync(request, "goals", LargestGoals())));
        var comments = buttons.Select((_, i) => Worst(Comment, i + 1)).ToArray();

        await using (var chromium = await Chromium.LaunchAsync())
        {
            for (var i = 0; i < buttons.Length; i++)
            {
                var review = await chromium.NewPageAsync(runtime.BaseUrl);
                await review.GotoAsync(await _ops.WaitForLinkAsync(StrategyOps.Approver(requests[i]), "ReviewRequest", "goals"));
                await Assertions.Expect(review.Locator("[name^='goals['][name$='.title']")).ToHaveCountAsync(ListItems + 1); // and a new row
                await review.Locator("[name='comment']").FillAsync(comments[i]);
                await review.Locator($"button[value='{buttons[i]}']").ClickAsync();
                await Assertions.Expect(review.Locator("h1")).ToHaveTextAsync("Päätöksesi on kirjattu");
            }
        }

        // Approved: the archived stage holds the draft as the page posted it, and the decision the comment.
        var approved = await _ops.WaitForStatusAsync(StrategyOps.Id(requests[0]), s => Decision(s, "Approved") is not null, "the approval");
        AssertRecordedComment(comments[0], Decision(approved, "Approved")!.Value);
        var snapshot = new BlobContainerClient(runtime.StorageConnectionString, "strategies").GetBlobClient($"{StrategyOps.Id(requests[0])}/stages/1-goals.json");
        await Poll.UntilAsync(async () => (await snapshot.ExistsAsync()).Value, StrategyOps.StepTimeout, "the stage 1 snapshot");
        var content = JsonNode.Parse((await snapshot.DownloadContentAsync()).Value.Content.ToString())!["content"]!;
        Assert.Equal(Worst(LongText), content["responses"]![0]!.GetValue<string>());
        Assert.Equal(ListItems, content["goals"]!.AsArray().Count);

        // Sent back: round 2's form shows the whole comment to the stakeholder.
        var sentBack = await _ops.WaitForLinkAsync(StrategyOps.Stakeholder(requests[1], 1), "SentBack", "goals", round: 2);
        Assert.Contains(comments[1], (await Pages.GetAsync(runtime.Http, sentBack)).Text, StringComparison.Ordinal);

        // Rejected: the strategy ends, with the comment.
        var rejected = await _ops.WaitForStatusAsync(StrategyOps.Id(requests[2]), s => s.GetProperty("status").GetString() == "Rejected", "the rejection");
        AssertRecordedComment(comments[2], Decision(rejected, "Rejected")!.Value);
    }

    /// <summary>
    /// Stage 3 has the largest valid post of all (about 5 MB): fifty activities, each serving twenty approved goals
    /// on twenty approved channels, all named as long as allowed. Approved through the browser.
    /// </summary>
    [Fact]
    public async Task ReviewPage_LargestValidActivitiesDraftInTheWorstEncoding_IsApproved()
    {
        var request = LargestRequest();
        await _ops.StartAsync(request);
        await AnswerAsync(request, "goals", LargestGoals());
        await ApproveAsync(request, "goals");
        await AnswerAsync(request, "audiences", Enumerable.Range(0, ListItems).SelectMany(i => new KeyValuePair<string, string>[]
        {
            new($"channels[{i}].name", Name(i)), new($"channels[{i}].audiencesText", "Ostopäättäjät"),
        }).Prepend(new("audiences[0].name", "Ostopäättäjät")));
        await ApproveAsync(request, "audiences");
        await AnswerAsync(request, "activities", Enumerable.Range(0, ListItems).SelectMany(i =>
            new KeyValuePair<string, string>[]
            {
                new($"activities[{i}].title", Name(i)), new($"activities[{i}].description", Worst(MediumText)),
                new($"activities[{i}].cadence", Worst(ShortText)), new($"activities[{i}].metric", Worst(ShortText)),
                new($"activities[{i}].reviewEvery", Worst(ShortText)),
            }
            .Concat(Enumerable.Range(0, References).Select(k => KeyValuePair.Create($"activities[{i}].goals", Name(k))))
            .Concat(Enumerable.Range(0, References).Select(k => KeyValuePair.Create($"activities[{i}].channels", Name(k))))));
        var comment = Worst(Comment);

        await using (var chromium = await Chromium.LaunchAsync())
        {
            var review = await chromium.NewPageAsync(runtime.BaseUrl);
            await review.GotoAsync(await _ops.WaitForLinkAsync(StrategyOps.Approver(request), "ReviewRequest", "activities"));
            await Assertions.Expect(review.Locator("[name^='activities['][name$='.goals']:checked")).ToHaveCountAsync(ListItems * References);
            await review.Locator("[name='comment']").FillAsync(comment);
            await review.Locator("button[value='approve']").ClickAsync();
            await Assertions.Expect(review.Locator("h1")).ToHaveTextAsync("Päätöksesi on kirjattu");
        }

        var id = StrategyOps.Id(request);
        var approved = await _ops.WaitForStatusAsync(id, s => s.GetProperty("decisions").GetArrayLength() == 3, "the stage 3 approval");
        AssertRecordedComment(comment, approved.GetProperty("decisions")[2]);
        var snapshot = new BlobContainerClient(runtime.StorageConnectionString, "strategies").GetBlobClient($"{id}/stages/3-activities.json");
        await Poll.UntilAsync(async () => (await snapshot.ExistsAsync()).Value, StrategyOps.StepTimeout, "the stage 3 snapshot");
        var activities = JsonNode.Parse((await snapshot.DownloadContentAsync()).Value.Content.ToString())!["content"]!["activities"]!.AsArray();
        Assert.Equal(ListItems, activities.Count);
        Assert.All(activities, a => Assert.Equal(References, a!["channels"]!.AsArray().Count));
    }

    /// <summary>A strategy with one stakeholder and as many business goals as allowed, each as long as allowed.</summary>
    private static JsonObject LargestRequest()
    {
        var request = StrategyOps.NewRequest("largest", 1, new JsonObject { ["responseWindow"] = "PT5M", ["approvalWindow"] = "PT5M" });
        request["businessGoals"] = new JsonArray([.. Enumerable.Range(0, BusinessGoals).Select(i => (JsonNode)Worst(ShortText, i))]);
        return request;
    }

    /// <summary>The largest valid goals answer: fifty goals, each text as long as allowed.</summary>
    private static IEnumerable<KeyValuePair<string, string>> LargestGoals()
    {
        for (var i = 0; i < ListItems; i++)
        {
            yield return new($"goals[{i}].title", Name(i));
            yield return new($"goals[{i}].businessGoal", Worst(ShortText, i % BusinessGoals));
            yield return new($"goals[{i}].metric", Worst(ShortText));
            yield return new($"goals[{i}].target", Worst(ShortText));
        }
    }

    /// <summary>The name of item <paramref name="i"/> of a list (goals, channels, activities): all as long as allowed, none alike.</summary>
    private static string Name(int i) => Worst(ShortText, i + 1);

    /// <summary>
    /// The stakeholder answers <paramref name="stage"/> with every guiding question answered at full length and
    /// <paramref name="items"/>, posted as a browser posts a form with that many rows.
    /// </summary>
    private async Task AnswerAsync(JsonObject request, string stage, IEnumerable<KeyValuePair<string, string>> items)
    {
        var link = await _ops.WaitForLinkAsync(StrategyOps.Stakeholder(request, 1), "Invitation", stage);
        // With a stage input this large the link can answer "not valid" for a moment after the invitation is
        // sent: that is not what this test is about, so it waits until the form opens.
        var opened = await Poll.UntilAsync(
            async () => await Pages.GetAsync(runtime.Http, link) is { StatusCode: HttpStatusCode.OK } page ? page : null, StrategyOps.StepTimeout, $"the {stage} form");
        var fields = WebForm.Of(link, opened).Names(name => name.StartsWith("responses[", StringComparison.Ordinal))
            .Select(name => KeyValuePair.Create(name, Worst(LongText)))
            .Concat(items)
            .Append(new("action", "submit"))
            .ToList();

        var answered = await Pages.PostAsync(runtime.Http, link, fields);

        Assert.True(answered.StatusCode == HttpStatusCode.OK, $"The answer was refused ({(int)answered.StatusCode}): {answered.Text}");
    }

    /// <summary>The approver approves the draft as the review page shows it, over HTTP.</summary>
    private async Task ApproveAsync(JsonObject request, string stage)
    {
        var (_, form) = await Pages.OpenFormAsync(runtime.Http, await _ops.WaitForLinkAsync(StrategyOps.Approver(request), "ReviewRequest", stage));
        var decided = await form.PostAsync(runtime.Http, "approve");
        Assert.True(decided.StatusCode == HttpStatusCode.OK, $"The approval was refused ({(int)decided.StatusCode}): {decided.Text}");
    }

    private static JsonElement? Decision(JsonElement status, string decision) =>
        status.GetProperty("decisions").EnumerateArray().Where(d => d.GetProperty("decision").GetString() == decision).Select(d => (JsonElement?)d).FirstOrDefault();

    /// <summary>The status shortens long comments with an ellipsis: what it shows is the start of what was typed.</summary>
    private static void AssertRecordedComment(string typed, JsonElement decision)
    {
        var shown = decision.GetProperty("comment").GetString()!.TrimEnd('…');
        Assert.True(shown.Length >= ShortText && typed.StartsWith(shown, StringComparison.Ordinal), $"Recorded comment: {shown}");
    }
}
