using System.Text.Json.Nodes;
using StrategyFlow.EndToEnd.Tests.Infrastructure;

namespace StrategyFlow.EndToEnd.Tests.Workflow;

/// <summary>kill -9 of the host right after it acknowledged an answer or a decision: nothing acknowledged is lost.</summary>
[Collection(LocalRuntimeCollection.Name)]
public sealed class CrashSafetyTests(LocalRuntimeFixture runtime)
{
    readonly StrategyOps ops = new(runtime);

    [Fact]
    public async Task Kill9_RightAfterAcknowledgedAnswerAndDecision_BothAreAppliedAfterRestart()
    {
        var request = StrategyOps.NewRequest("crash", 2, new JsonObject { ["responseWindow"] = "PT2M", ["approvalWindow"] = "PT2M" });
        var id = StrategyOps.Id(request);
        string[] stakeholders = [StrategyOps.Stakeholder(request, 1), StrategyOps.Stakeholder(request, 2)];
        await ops.StartAsync(request);

        // Collecting answers: the first answer is acknowledged, then the host dies.
        var first = await AnswerAsync(stakeholders[0], "Liidit");
        WholeStrategyTests.AssertAcknowledged(await first.PostAsync(runtime.Http, "submit"));
        runtime.Kill();
        await runtime.RestartAsync();
        var status = await ops.WaitForStatusAsync(
            id, s => StrategyOps.Strings(s.GetProperty("stage").GetProperty("answered")).Contains(stakeholders[0]),
            "the acknowledged answer to count after kill -9");
        Assert.Equal(new[] { stakeholders[1] }, StrategyOps.Strings(status.GetProperty("stage").GetProperty("pending")));

        // The stage then completes collecting: the second answer closes it and the review shows both.
        WholeStrategyTests.AssertAcknowledged(await (await AnswerAsync(stakeholders[1], "Hakijat")).PostAsync(runtime.Http, "submit"));
        var (review, form) = await Pages.OpenFormAsync(runtime.Http, await ops.WaitForLinkAsync(StrategyOps.Approver(request), "ReviewRequest", "goals"));
        Assert.Contains("Liidit", review.Html, StringComparison.Ordinal);
        Assert.Contains("Hakijat", review.Html, StringComparison.Ordinal);

        // Awaiting approval: the decision is acknowledged, then the host dies.
        WholeStrategyTests.AssertAcknowledged(await form.PostAsync(runtime.Http, "approve"));
        runtime.Kill();
        await runtime.RestartAsync();
        await ops.WaitForStatusAsync(
            id,
            s => s.GetProperty("decisions").EnumerateArray().Any(d => d.GetProperty("decision").GetString() == "Approved" && d.GetProperty("stage").GetString() == "goals"),
            "the acknowledged approval to be applied after kill -9");
    }

    async Task<WebForm> AnswerAsync(string stakeholder, string goal)
    {
        var (_, form) = await Pages.OpenFormAsync(runtime.Http, await ops.WaitForLinkAsync(stakeholder, "Invitation", "goals"));
        return form.Set("responses[0]", "Asiakkaamme ovat siellä.").Set("goals[0].title", goal)
            .Set("goals[0].businessGoal", "Kasvattaa B2B-liidejä 20 %").Set("goals[0].metric", "kpl / kk");
    }
}
