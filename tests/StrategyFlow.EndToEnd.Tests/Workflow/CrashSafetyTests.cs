using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using StrategyFlow.EndToEnd.Tests.Infrastructure;

namespace StrategyFlow.EndToEnd.Tests.Workflow;

/// <summary>kill -9 of the host right after it acknowledged an answer or a decision: nothing acknowledged is lost.</summary>
[Collection(LocalRuntimeCollection.Name)]
public sealed class CrashSafetyTests(LocalRuntimeFixture runtime)
{
    private readonly StrategyOps _ops = new(runtime);

    [Fact]
    public async Task Kill9_RightAfterAcknowledgedAnswerAndDecision_BothAreAppliedAfterRestart()
    {
        var request = StrategyOps.NewRequest("crash", 2, new JsonObject { ["responseWindow"] = "PT2M", ["approvalWindow"] = "PT2M" });
        var id = StrategyOps.Id(request);
        string[] stakeholders = [StrategyOps.Stakeholder(request, 1), StrategyOps.Stakeholder(request, 2)];
        await _ops.StartAsync(request);

        // Collecting answers: the first answer is acknowledged, then the host dies.
        var first = await AnswerAsync(stakeholders[0], "Liidit");
        StrategyWalk.AssertAcknowledged(await first.PostAsync(runtime.Http, "submit"));
        runtime.Kill();
        await runtime.RestartAsync();
        var status = await _ops.WaitForStatusAsync(
            id, s => StrategyOps.Strings(s.GetProperty("stage").GetProperty("answered")).Contains(stakeholders[0]),
            "the acknowledged answer to count after kill -9");
        Assert.Equal(new[] { stakeholders[1] }, StrategyOps.Strings(status.GetProperty("stage").GetProperty("pending")));

        // The stage then completes collecting: the second answer closes it and the review shows both.
        StrategyWalk.AssertAcknowledged(await (await AnswerAsync(stakeholders[1], "Hakijat")).PostAsync(runtime.Http, "submit"));
        var (review, form) = await Pages.OpenFormAsync(runtime.Http, await _ops.WaitForLinkAsync(StrategyOps.Approver(request), "ReviewRequest", "goals"));
        Assert.Contains("Liidit", review.Html, StringComparison.Ordinal);
        Assert.Contains("Hakijat", review.Html, StringComparison.Ordinal);

        // Awaiting approval: the decision is acknowledged, then the host dies.
        StrategyWalk.AssertAcknowledged(await form.PostAsync(runtime.Http, "approve"));
        runtime.Kill();
        await runtime.RestartAsync();
        await _ops.WaitForStatusAsync(
            id,
            s => s.GetProperty("decisions").EnumerateArray().Any(d => d.GetProperty("decision").GetString() == "Approved" && d.GetProperty("stage").GetString() == "goals"),
            "the acknowledged approval to be applied after kill -9");
    }

    /// <summary>
    /// An activity a killed host was running is handed out again once its queue message becomes visible. The
    /// host renews the message's lock while the activity runs, so that timeout is seconds, not the ten minutes
    /// an unrenewed lock needs to outlast the longest activity: the invitations go out soon after the restart.
    /// </summary>
    [Fact]
    public async Task Kill9_WhileInvitationsAreBeingSent_TheyGoOutOnceSoonAfterTheRestart()
    {
        var request = StrategyOps.NewRequest("crash-mid-send", 1, new JsonObject { ["responseWindow"] = "PT10M" });
        var stakeholder = StrategyOps.Stakeholder(request, 1);
        await SetMailDelayAsync(120); // SendGrid holds every request: the invitation is mid-send when the host dies
        await _ops.StartAsync(request);
        await Poll.UntilAsync(
            async () => (await runtime.Http.GetFromJsonAsync<JsonObject>("/dev/mailbox/faults"))!["held"]!.GetValue<int>() > 0,
            StrategyOps.StepTimeout,
            "the invitation to be mid-send");

        runtime.Kill();
        await runtime.RestartAsync(); // a new process: no delay

        await _ops.WaitForMailAsync(stakeholder, "Invitation", "goals", timeout: ResumeWithin);
        var status = await _ops.WaitForStatusAsync(StrategyOps.Id(request), s => s.GetProperty("delivery").ValueKind == JsonValueKind.Null, "the delivery to be done");
        Assert.Equal(new[] { stakeholder }, StrategyOps.Strings(status.GetProperty("stage").GetProperty("pending")));
        Assert.Single(await new DevMailbox(runtime).ListAsync(stakeholder));
    }

    /// <summary>The other side of a short visibility timeout: an activity that outlasts it keeps its lock and runs once.</summary>
    [Fact]
    public async Task MailSlowerThanTheVisibilityTimeout_IsSentOnce()
    {
        var request = StrategyOps.NewRequest("slow-send", 1, new JsonObject { ["responseWindow"] = "PT10M" });
        var stakeholder = StrategyOps.Stakeholder(request, 1);
        await SetMailDelayAsync(20); // longer than the 15 s the message stays hidden without renewal
        try
        {
            await _ops.StartAsync(request);
            await _ops.WaitForMailAsync(stakeholder, "Invitation", "goals");
        }
        finally
        {
            await SetMailDelayAsync(0);
        }

        await _ops.WaitForStatusAsync(StrategyOps.Id(request), s => s.GetProperty("delivery").ValueKind == JsonValueKind.Null, "the delivery to be done");
        Assert.Single(await new DevMailbox(runtime).ListAsync(stakeholder));
        // The backend never handed the invitation's message out again while it ran (other tests' mail may still be held).
        Assert.DoesNotContain("multiple times concurrently", runtime.Host.Output, StringComparison.Ordinal);
    }

    /// <summary>The local work-item visibility timeout (15 s) plus polling and start-up slack.</summary>
    private static readonly TimeSpan ResumeWithin = TimeSpan.FromSeconds(30);

    private async Task SetMailDelayAsync(double seconds)
    {
        using var response = await runtime.Http.PostAsJsonAsync("/dev/mailbox/faults", new { rate429 = 0, rate503 = 0, delaySeconds = seconds });
        response.EnsureSuccessStatusCode();
    }

    private async Task<WebForm> AnswerAsync(string stakeholder, string goal)
    {
        var (_, form) = await Pages.OpenFormAsync(runtime.Http, await _ops.WaitForLinkAsync(stakeholder, "Invitation", "goals"));
        return form.Set("responses[0]", "Asiakkaamme ovat siellä.").Set("goals[0].title", goal)
            .Set("goals[0].businessGoal", "Kasvattaa B2B-liidejä 20 %").Set("goals[0].metric", "kpl / kk");
    }
}
