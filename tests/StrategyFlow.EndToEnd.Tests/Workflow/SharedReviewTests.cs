using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using StrategyFlow.EndToEnd.Tests.Infrastructure;

namespace StrategyFlow.EndToEnd.Tests.Workflow;

/// <summary>Policy all on the real runtime, through the pages: approvers review one shared draft, and approvals are for its content.</summary>
[Collection(LocalRuntimeCollection.Name)]
public sealed class SharedReviewTests(LocalRuntimeFixture runtime)
{
    private readonly StrategyOps _ops = new(runtime);

    [Fact]
    public async Task PolicyAll_EditAfterAnApproval_AsksAgainAndArchivesOnlyContentEveryoneApproved()
    {
        var request = StrategyOps.NewRequest("shared-review", 1, new JsonObject { ["responseWindow"] = "PT10M", ["approvalWindow"] = "PT10M" });
        var approvers = new[] { DevMailbox.NewRecipient("approver1"), DevMailbox.NewRecipient("approver2") };
        request["approvers"] = new JsonArray(approvers.Select((a, i) => (JsonNode)new JsonObject { ["name"] = $"Hyväksyjä {i + 1}", ["email"] = a }).ToArray());
        request["policy"] = "all";
        var id = StrategyOps.Id(request);
        await _ops.StartAsync(request);
        var (_, answer) = await Pages.OpenFormAsync(runtime.Http, await _ops.WaitForLinkAsync(StrategyOps.Stakeholder(request, 1), "Invitation", "goals"));
        var posted = await answer.Set("responses[0]", "Asiakkaamme ovat siellä.").Set("goals[0].title", "Liidit")
            .Set("goals[0].businessGoal", "Kasvattaa B2B-liidejä 20 %").Set("goals[0].metric", "kpl / kk").Set("goals[0].target", "50")
            .PostAsync(runtime.Http, "submit");
        Assert.Equal("AnswerReceived", posted.Notice);

        // The first approver approves the consolidated draft as it is.
        var firstLink = await _ops.WaitForLinkAsync(approvers[0], "ReviewRequest", "goals");
        Assert.Equal("DecisionRecorded", (await (await Pages.OpenFormAsync(runtime.Http, firstLink)).Form.PostAsync(runtime.Http, "approve")).Notice);

        // The second sees that approval, edits the target and approves the edited draft.
        var (secondPage, second) = await Pages.OpenFormAsync(runtime.Http, await _ops.WaitForLinkAsync(approvers[1], "ReviewRequest", "goals"));
        Assert.Contains("Hyväksyjä 1", secondPage.Text, StringComparison.Ordinal);
        second.Set("goals[0].target", "80").Set("comment", "Nostin tavoitetta.");
        Assert.Equal("DecisionRecorded", (await second.PostAsync(runtime.Http, "approve")).Notice);

        // The first approval no longer counts: the first approver is asked again, and sees the edit and who made it.
        var again = await _ops.WaitForLinkAsync(approvers[0], "DraftChanged", "goals");
        var (againPage, first) = await Pages.OpenFormAsync(runtime.Http, again);
        Assert.Equal("80", first.Value("goals[0].target"));
        Assert.Contains("Hyväksyjä 2", againPage.Text, StringComparison.Ordinal);
        var status = await _ops.StatusAsync(id);
        Assert.Equal(new[] { approvers[0] }, StrategyOps.Strings(status.GetProperty("stage").GetProperty("pending")));
        Assert.Equal("DecisionRecorded", (await first.PostAsync(runtime.Http, "approve")).Notice);

        // The archive: everyone approved exactly the archived content.
        var blob = new BlobContainerClient(runtime.StorageConnectionString, "strategies").GetBlobClient($"{id}/stages/1-goals.json");
        await Poll.UntilAsync(async () => (await blob.ExistsAsync()).Value, StrategyOps.StepTimeout, "the goals stage to be archived");
        var archived = JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString())!;
        Assert.Equal("80", archived["content"]!["goals"]![0]!["target"]!.GetValue<string>());
        Assert.Equal(approvers.Order(StringComparer.Ordinal), archived["approvedBy"]!.AsArray().Select(a => a!.GetValue<string>()));
        var hash = archived["contentSha256"]!.GetValue<string>();
        var decisions = (await _ops.WaitForPhaseAsync(id, 2, "CollectingInput")).GetProperty("decisions").EnumerateArray().ToList();
        foreach (var approver in approvers)
        {
            var last = decisions.Last(d => d.GetProperty("approver").GetString() == approver);
            Assert.Equal(("Approved", hash), (last.GetProperty("decision").GetString(), last.GetProperty("contentSha256").GetString()));
        }
    }
}
