using System.Text.Json.Nodes;
using StrategyFlow.EndToEnd.Tests.Infrastructure;

namespace StrategyFlow.EndToEnd.Tests.Workflow;

/// <summary>Reminders, review with partial answers, and escalation to the owner, on timings of seconds.</summary>
[Collection(LocalRuntimeCollection.Name)]
public sealed class RemindersTests(LocalRuntimeFixture runtime)
{
    private readonly StrategyOps _ops = new(runtime);

    [Fact]
    public async Task SilentStakeholderAndApprover_AreRemindedThenOwnerIsEscalatedAndNothingIsApproved()
    {
        var request = StrategyOps.NewRequest("remind", 2, new JsonObject
        {
            ["responseWindow"] = "PT6S", ["reminderInterval"] = "PT2S", ["maxReminders"] = 1, ["approvalWindow"] = "PT4S",
        });
        var id = StrategyOps.Id(request);
        var (answering, silent) = (StrategyOps.Stakeholder(request, 1), StrategyOps.Stakeholder(request, 2));
        await _ops.StartAsync(request);

        var (_, form) = await Pages.OpenFormAsync(runtime.Http, await _ops.WaitForLinkAsync(answering, "Invitation", "goals"));
        form.Set("goals[0].title", "Liidit").Set("goals[0].businessGoal", "Kasvattaa B2B-liidejä 20 %").Set("goals[0].metric", "kpl / kk");
        StrategyWalk.AssertAcknowledged(await form.PostAsync(runtime.Http, "submit"));

        var collecting = await _ops.WaitForStatusAsync(
            id, s => StrategyOps.Strings(s.GetProperty("stage").GetProperty("answered")).Contains(answering), "the answer to count");
        Assert.Equal(new[] { silent }, StrategyOps.Strings(collecting.GetProperty("stage").GetProperty("pending")));

        await _ops.WaitForMailAsync(silent, "Reminder", "goals");
        Assert.DoesNotContain(await new DevMailbox(runtime).ListAsync(answering), m => m.CustomArgs.GetValueOrDefault("kind") == "Reminder");

        // The window ends: the review goes ahead with the one answer and names who did not answer.
        var approver = StrategyOps.Approver(request);
        var (review, _) = await Pages.OpenFormAsync(runtime.Http, await _ops.WaitForLinkAsync(approver, "ReviewRequest", "goals"));
        Assert.Contains(silent, review.Text, StringComparison.Ordinal);
        Assert.Contains("Liidit", review.Html, StringComparison.Ordinal);

        await _ops.WaitForMailAsync(approver, "ReviewReminder", "goals");
        await _ops.WaitForMailAsync(StrategyOps.Owner(request), "Escalation", "goals");
        var status = await _ops.WaitForStatusAsync(
            id, s => s.GetProperty("stage").GetProperty("escalated").GetBoolean(), "the status to show the escalation");
        var stage = status.GetProperty("stage");
        Assert.Equal("AwaitingApproval", stage.GetProperty("phase").GetString());
        Assert.Empty(status.GetProperty("decisions").EnumerateArray());
    }
}
