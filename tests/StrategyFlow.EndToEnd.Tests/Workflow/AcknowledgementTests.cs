using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using StrategyFlow.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StrategyFlow.EndToEnd.Tests.Workflow;

/// <summary>
/// An acknowledgement is the truth: posts race the deadline, the last answer and a competing decision on
/// the real runtime, and every "received" or "recorded" is compared with what the archive holds.
/// </summary>
[Collection(LocalRuntimeCollection.Name)]
public sealed class AcknowledgementTests(LocalRuntimeFixture runtime, ITestOutputHelper output)
{
    private const int Revisers = 4;

    /// <summary>Enough posts for each reviser to cross the moment the round closes, whenever it comes.</summary>
    private const int MostRevisions = 400;

    private readonly StrategyOps _ops = new(runtime);

    /// <summary>Revisers post new versions until the round refuses them; one stakeholder never answers, so the deadline closes it.</summary>
    [Fact]
    public async Task Answers_RevisedWhileTheDeadlinePasses_EveryAcknowledgedVersionIsTheOneArchived()
    {
        var request = NewRequest("ack-deadline", stakeholders: Revisers + 1, responseWindow: "PT8S");
        await _ops.StartAsync(request);
        var forms = await OpenFormsAsync(request, Revisers);

        var revisions = await Task.WhenAll(forms.Select((form, i) => ReviseUntilRefusedAsync(form, i + 1, onAcknowledged: null)));

        var archived = await ApproveAndReadArchiveAsync(request);
        AssertEveryAcknowledgedIsArchived(revisions, archived);
    }

    /// <summary>Revisers post new versions while the last stakeholder's first answer closes the round.</summary>
    [Fact]
    public async Task Answers_RevisedWhileTheLastAnswerArrives_EveryAcknowledgedVersionIsTheOneArchived()
    {
        var request = NewRequest("ack-last-answer", stakeholders: Revisers + 1, responseWindow: "PT10M");
        await _ops.StartAsync(request);
        var forms = await OpenFormsAsync(request, Revisers + 1);
        var acknowledged = 0;
        var revising = forms.Take(Revisers).Select((form, i) => ReviseUntilRefusedAsync(form, i + 1, () => Interlocked.Increment(ref acknowledged))).ToList();

        // The revisers are in full swing (a few acknowledged versions each) when the last answer arrives.
        await Poll.UntilAsync(() => Task.FromResult(Volatile.Read(ref acknowledged) >= Revisers * 3), StrategyOps.StepTimeout, "the revisers to be under way");
        var last = await PostVersionAsync(forms[Revisers], Revisers + 1, 1);
        var revisions = await Task.WhenAll(revising);

        Assert.Equal("AnswerReceived", last.Notice);
        var archived = await ApproveAndReadArchiveAsync(request);
        Assert.Contains(Title(Revisers + 1, 1), archived);
        AssertEveryAcknowledgedIsArchived(revisions, archived);
    }

    /// <summary>Under policy any, an approval and a send-back posted at once: exactly one is recorded, and it is the one in effect.</summary>
    [Fact]
    public async Task Decisions_ApproveAndSendBackAtOnce_OnlyTheRecordedOneTakesEffect()
    {
        var request = NewRequest("ack-decisions", stakeholders: 1, responseWindow: "PT10M");
        var approvers = new[] { DevMailbox.NewRecipient("approver1"), DevMailbox.NewRecipient("approver2") };
        request["approvers"] = new JsonArray(approvers.Select((a, i) => (JsonNode)new JsonObject { ["name"] = $"Hyväksyjä {i + 1}", ["email"] = a }).ToArray());
        await _ops.StartAsync(request);
        var stakeholder = (await OpenFormsAsync(request, 1))[0];
        Assert.Equal("AnswerReceived", (await PostVersionAsync(stakeholder, 1, 1)).Notice);
        var reviews = await Task.WhenAll(approvers.Select(async a => (await Pages.OpenFormAsync(runtime.Http, await _ops.WaitForLinkAsync(a, "ReviewRequest", "goals"))).Form));
        reviews[1].Set("comment", "Lisätkää mittari.");

        var posts = await Task.WhenAll(reviews[0].PostAsync(runtime.Http, "approve"), reviews[1].PostAsync(runtime.Http, "requestChanges"));

        var recorded = Assert.Single(Enumerable.Range(0, 2), i => posts[i].Notice == "DecisionRecorded");
        Assert.Equal("DecisionNotCounted", posts[1 - recorded].Notice);
        var id = StrategyOps.Id(request);
        if (recorded == 0)
        {
            var stage = await ReadArchivedStageAsync(id);
            Assert.Equal(new[] { approvers[0] }, stage["approvedBy"]!.AsArray().Select(a => a!.GetValue<string>()));
            await _ops.WaitForPhaseAsync(id, 2, "CollectingInput");
        }
        else
        {
            var status = await _ops.WaitForPhaseAsync(id, 1, "CollectingInput", round: 2);
            var decision = Assert.Single(status.GetProperty("decisions").EnumerateArray());
            Assert.Equal((approvers[1], "ChangesRequested"), (decision.GetProperty("approver").GetString(), decision.GetProperty("decision").GetString()));
            Assert.False(await ArchivedStageBlob(id).ExistsAsync());
        }
    }

    /// <summary>What a reviser posted, and what the page said about each version.</summary>
    private sealed record Revisions(int Stakeholder, IReadOnlyList<(int Version, string? Notice)> Posts);

    private static JsonObject NewRequest(string name, int stakeholders, string responseWindow) =>
        StrategyOps.NewRequest(name, stakeholders, new JsonObject
        {
            ["responseWindow"] = responseWindow, ["reminderInterval"] = "P1D", ["maxReminders"] = 0, ["approvalWindow"] = "PT10M",
        });

    private static string Title(int stakeholder, int version) => $"Tavoite {stakeholder}.{version}";

    private async Task<WebForm[]> OpenFormsAsync(JsonObject request, int count) =>
        await Task.WhenAll(Enumerable.Range(1, count).Select(async i =>
            (await Pages.OpenFormAsync(runtime.Http, await _ops.WaitForLinkAsync(StrategyOps.Stakeholder(request, i), "Invitation", "goals"))).Form));

    private Task<WebPage> PostVersionAsync(WebForm form, int stakeholder, int version) =>
        form.Set("responses[0]", "Asiakkaamme ovat siellä.")
            .Set("goals[0].title", Title(stakeholder, version))
            .Set("goals[0].businessGoal", "Kasvattaa B2B-liidejä 20 %")
            .Set("goals[0].metric", "kpl / kk")
            .PostAsync(runtime.Http, "submit");

    private async Task<Revisions> ReviseUntilRefusedAsync(WebForm form, int stakeholder, Action? onAcknowledged)
    {
        var posts = new List<(int, string?)>();
        for (var version = 1; version <= MostRevisions; version++)
        {
            var page = await PostVersionAsync(form, stakeholder, version);
            posts.Add((version, page.Notice));
            if (page.Notice is "RoundClosed" or "AnswerNotCounted")
            {
                return new Revisions(stakeholder, posts);
            }
            if (page.Notice == "AnswerReceived")
            {
                onAcknowledged?.Invoke();
            }
            Assert.True(page.Notice is "AnswerReceived" or "AnswerPending", $"Version {version} of stakeholder {stakeholder} got: {page.Text}");
        }
        throw new InvalidOperationException($"Stakeholder {stakeholder} posted {MostRevisions} versions and the round never closed.");
    }

    /// <summary>The approver approves the consolidated draft; the stage snapshot's goal titles.</summary>
    private async Task<IReadOnlySet<string>> ApproveAndReadArchiveAsync(JsonObject request)
    {
        var (_, review) = await Pages.OpenFormAsync(runtime.Http, await _ops.WaitForLinkAsync(StrategyOps.Approver(request), "ReviewRequest", "goals"));
        Assert.Equal("DecisionRecorded", (await review.PostAsync(runtime.Http, "approve")).Notice);
        var stage = await ReadArchivedStageAsync(StrategyOps.Id(request));
        return stage["content"]!["goals"]!.AsArray().Select(g => g!["title"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// For each reviser: the archived version is the last acknowledged one, or a later one whose post was not
    /// confirmed yet; never one the page refused. Nothing acknowledged is lost, nothing refused was used.
    /// </summary>
    private void AssertEveryAcknowledgedIsArchived(IEnumerable<Revisions> revisions, IReadOnlySet<string> archived)
    {
        int acknowledged = 0, refused = 0, unconfirmed = 0;
        foreach (var (stakeholder, posts) in revisions)
        {
            var archivedVersions = posts.Where(p => archived.Contains(Title(stakeholder, p.Version))).ToList();
            var kept = Assert.Single(archivedVersions);
            var lastAcknowledged = posts.Last(p => p.Notice == "AnswerReceived").Version;
            Assert.True(kept.Version >= lastAcknowledged, $"Stakeholder {stakeholder}: version {lastAcknowledged} was acknowledged, the archive has {kept.Version}.");
            Assert.True(kept.Version == lastAcknowledged || kept.Notice == "AnswerPending",
                $"Stakeholder {stakeholder}: the archive has version {kept.Version}, which the page called {kept.Notice}.");
            acknowledged += posts.Count(p => p.Notice == "AnswerReceived");
            refused += posts.Count(p => p.Notice is "RoundClosed" or "AnswerNotCounted");
            unconfirmed += posts.Count(p => p.Notice == "AnswerPending");
        }
        output.WriteLine($"{acknowledged} versions acknowledged, {refused} refused, {unconfirmed} unconfirmed; every reviser's last acknowledged version archived.");
    }

    private BlobClient ArchivedStageBlob(string id) =>
        new BlobContainerClient(runtime.StorageConnectionString, "strategies").GetBlobClient($"{id}/stages/1-goals.json");

    private async Task<JsonNode> ReadArchivedStageAsync(string id)
    {
        var blob = ArchivedStageBlob(id);
        await Poll.UntilAsync(async () => (await blob.ExistsAsync()).Value, StrategyOps.StepTimeout, $"the goals stage of {id} to be archived");
        return JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString())!;
    }
}
