using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using StrategyFlow.EndToEnd.Tests.Infrastructure;

namespace StrategyFlow.EndToEnd.Tests.Workflow;

/// <summary>A strategy driven over HTTP only: links from the mailbox, forms posted like a browser.</summary>
[Collection(LocalRuntimeCollection.Name)]
public sealed class SendBackRoundTests(LocalRuntimeFixture runtime)
{
    const string SendBackComment = "Tarkentakaa tavoitteiden mittarit.";
    readonly StrategyOps ops = new(runtime);

    HttpClient Http => runtime.Http;

    [Fact]
    public async Task Stage_SentBackThenApproved_NewRoundShowsCommentAndPreviousAnswerAndBothDecisionsAreRecorded()
    {
        var request = StrategyOps.NewRequest("whole", 2, new JsonObject
        {
            ["responseWindow"] = "PT2M", ["reminderInterval"] = "PT1M", ["maxReminders"] = 1, ["approvalWindow"] = "PT2M",
        });
        var id = StrategyOps.Id(request);
        string[] stakeholders = [StrategyOps.Stakeholder(request, 1), StrategyOps.Stakeholder(request, 2)];
        var approver = StrategyOps.Approver(request);
        await ops.StartAsync(request);

        // Stage 1, round 1: each stakeholder proposes a goal; the approver sends the stage back.
        string[] goals = ["Liidit LinkedInistä", "Kehittäjät hakevat meille"];
        for (var i = 0; i < 2; i++)
        {
            var (_, form) = await Pages.OpenFormAsync(Http, await ops.WaitForLinkAsync(stakeholders[i], "Invitation", "goals"));
            form.Set("responses[0]", "Asiakkaamme ovat siellä.").Set("responses[1]", "Liidejä ja hakijoita.")
                .Set("goals[0].title", goals[i]).Set("goals[0].businessGoal", i == 0 ? "Kasvattaa B2B-liidejä 20 %" : "Vahvistaa työnantajakuvaa")
                .Set("goals[0].metric", "kpl / kk").Set("goals[0].target", "40");
            AssertAcknowledged(await form.PostAsync(Http, "submit"));
        }
        var (review, reviewForm) = await Pages.OpenFormAsync(Http, await ops.WaitForLinkAsync(approver, "ReviewRequest", "goals"));
        Assert.All(goals, g => Assert.Contains(g, review.Html, StringComparison.Ordinal));
        reviewForm.Set("comment", SendBackComment);
        AssertAcknowledged(await reviewForm.PostAsync(Http, "requestChanges"));

        // Round 2: the comment is in the mail and on the form, the previous answer is prefilled; resubmit, approve.
        for (var i = 0; i < 2; i++)
        {
            var mail = await ops.WaitForMailAsync(stakeholders[i], "SentBack", "goals", round: 2);
            Assert.Contains(SendBackComment, (await new DevMailbox(runtime).GetAsync(mail.Id)).Html, StringComparison.Ordinal);
            var (page, form) = await Pages.OpenFormAsync(Http, Assert.Single(mail.Links));
            Assert.Contains(SendBackComment, page.Text, StringComparison.Ordinal);
            Assert.Equal(goals[i], form.Value("goals[0].title"));
            form.Set("goals[0].target", "50");
            AssertAcknowledged(await form.PostAsync(Http, "submit"));
        }
        var (_, approval) = await Pages.OpenFormAsync(Http, await ops.WaitForLinkAsync(approver, "ReviewRequest", "goals", round: 2));
        AssertAcknowledged(await approval.PostAsync(Http, "approve"));

        var status = await ops.WaitForStatusAsync(
            id, s => s.GetProperty("decisions").GetArrayLength() == 2, "both decisions of stage 1 in the status");
        var decisions = status.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal(("ChangesRequested", 1, SendBackComment), Decision(decisions[0]));
        Assert.Equal(("Approved", 2, ""), Decision(decisions[1]));
        Assert.All(decisions, d => Assert.Equal(approver, d.GetProperty("approver").GetString()));
    }

    static (string?, int, string?) Decision(JsonElement d) =>
        (d.GetProperty("decision").GetString(), d.GetProperty("round").GetInt32(), d.GetProperty("comment").GetString());

    internal static void AssertAcknowledged(WebPage page) =>
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"The post answered {(int)page.StatusCode}: {page.Text}");
}
