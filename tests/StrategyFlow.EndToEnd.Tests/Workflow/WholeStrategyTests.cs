using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using StrategyFlow.EndToEnd.Tests.Infrastructure;

namespace StrategyFlow.EndToEnd.Tests.Workflow;

/// <summary>A strategy through all four stages over HTTP only: links from the mailbox, forms posted like a browser.</summary>
[Collection(LocalRuntimeCollection.Name)]
public sealed class WholeStrategyTests(LocalRuntimeFixture runtime)
{
    private const string SendBackComment = "Tarkentakaa tavoitteiden mittarit.";
    private readonly StrategyOps _ops = new(runtime);

    private HttpClient Http => runtime.Http;

    [Fact]
    public async Task Strategy_FourStagesWithOneSendBack_CompletesAndArchivesWhatWasApproved()
    {
        var request = StrategyOps.NewRequest("whole", 2, new JsonObject
        {
            ["responseWindow"] = "PT2M", ["reminderInterval"] = "PT1M", ["maxReminders"] = 1, ["approvalWindow"] = "PT2M",
        });
        var walk = new StrategyWalk(runtime, request);
        var id = walk.Id;
        string[] stakeholders = [walk.Stakeholder(1), walk.Stakeholder(2)];
        var approver = walk.Approver;
        await _ops.StartAsync(request);

        // Stage 1, round 1: each stakeholder proposes a goal; the approver sends the stage back.
        string[] goals = ["Liidit LinkedInistä", "Kehittäjät hakevat meille"];
        for (var i = 0; i < 2; i++)
        {
            StrategyWalk.AssertAcknowledged(await walk.AnswerAsync(i + 1, "goals", StrategyWalk.Goal(goals[i], i == 0 ? StrategyWalk.BusinessGoal : "Vahvistaa työnantajakuvaa")));
        }
        var (review, reviewForm) = await Pages.OpenFormAsync(Http, await _ops.WaitForLinkAsync(approver, "ReviewRequest", "goals"));
        Assert.All(goals, g => Assert.Contains(g, review.Html, StringComparison.Ordinal));
        reviewForm.Set("comment", SendBackComment);
        StrategyWalk.AssertAcknowledged(await reviewForm.PostAsync(Http, "requestChanges"));

        // Round 2: the comment is in the mail and on the form, the previous answer is prefilled; resubmit, approve.
        for (var i = 0; i < 2; i++)
        {
            var mail = await _ops.WaitForMailAsync(stakeholders[i], "SentBack", "goals", round: 2);
            Assert.Contains(SendBackComment, (await new DevMailbox(runtime).GetAsync(mail.Id)).Html, StringComparison.Ordinal);
            var (page, form) = await Pages.OpenFormAsync(Http, Assert.Single(mail.Links));
            Assert.Contains(SendBackComment, page.Text, StringComparison.Ordinal);
            Assert.Equal(goals[i], form.Value("goals[0].title"));
            form.Set("goals[0].target", "50");
            StrategyWalk.AssertAcknowledged(await form.PostAsync(Http, "submit"));
        }
        await walk.ApproveAsync("goals", 1, round: 2);

        // Stages 2 to 4: activities pick the approved goals and channels; ownership lists every channel and activity.
        string[] channels = ["LinkedIn", "GitHub"];
        string[] activities = ["Asiakastarinat", "Avoin lähdekoodi"];
        var owners = new Dictionary<string, string> { ["LinkedIn"] = "Sanna", ["GitHub"] = "Mikko", ["Asiakastarinat"] = "Sanna", ["Avoin lähdekoodi"] = "Mikko" };
        await walk.PassStagesTwoToFourAsync(goals, channels, activities, owners);

        // Completed: document locations, downloads, archive, and everyone told.
        var status = await _ops.WaitForStatusAsync(id, s => s.GetProperty("status").GetString() == "Completed", "the strategy to complete");
        var document = status.GetProperty("document");
        foreach (var (format, media) in new[] { ("html", "text/html"), ("md", "text/markdown"), ("json", "application/json") })
        {
            using var response = await runtime.OpsHttp.GetAsync($"/api/strategies/{id}/document?format={format}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(media, response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Avoin lähdekoodi", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.EndsWith("strategy.html", document.GetProperty("html").GetProperty("blob").GetString(), StringComparison.Ordinal);

        var container = new BlobContainerClient(runtime.StorageConnectionString, "strategies");
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, id + "/", CancellationToken.None))
        {
            names.Add(blob.Name);
        }
        Assert.Equal(
            new[] { "stages/1-goals.json", "stages/2-audiences.json", "stages/3-activities.json", "stages/4-ownership.json", "strategy.html", "strategy.json", "strategy.md" },
            names.Select(n => n[(id.Length + 1)..]).Order(StringComparer.Ordinal));
        var archived = JsonNode.Parse((await container.GetBlobClient($"{id}/strategy.json").DownloadContentAsync()).Value.Content.ToString())!;
        var text = archived.ToJsonString();
        Assert.All(goals.Concat(channels).Concat(activities), t => Assert.Contains(JsonSerializer.Serialize(t), text, StringComparison.Ordinal));
        var hashes = FindAll(archived, "contentSha256").Where(h => h is not null).Select(h => h!.GetValue<string>()).ToList();
        Assert.True(hashes.Count >= 4, $"Expected a content hash per approval in {text}");
        Assert.All(hashes, h => Assert.Matches("^[0-9a-f]{64}$", h));
        foreach (var (item, owner) in owners)
        {
            Assert.Contains(owner, OwnerOf(archived, item));
        }

        foreach (var person in stakeholders.Append(approver).Append(StrategyOps.Owner(request)))
        {
            await _ops.WaitForMailAsync(person, "Completed");
        }
    }

    private static IEnumerable<JsonNode?> FindAll(JsonNode? node, string property) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == property ? [p.Value] : FindAll(p.Value, property)),
        JsonArray a => a.SelectMany(e => FindAll(e, property)),
        _ => [],
    };

    /// <summary>The owner the archive names for a channel or activity.</summary>
    private static string OwnerOf(JsonNode archived, string item) =>
        string.Join(",", FindAll(archived, "owner").Select(o => o?.Parent).OfType<JsonObject>()
            .Where(row => row.Any(p => p.Key != "owner" && p.Value is JsonValue v && v.ToString() == item))
            .Select(row => row["owner"]!.ToString()));
}
