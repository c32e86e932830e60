using System.Text.Json.Nodes;

namespace StrategyFlow.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One strategy's people at work over HTTP only: each takes their link from the mailbox, fills the
/// stage's form as a person would and posts it like a browser; the approver approves from the review page.
/// </summary>
public sealed class StrategyWalk(LocalRuntimeFixture runtime, JsonObject request)
{
    public const string BusinessGoal = "Kasvattaa B2B-liidejä 20 %";

    private readonly StrategyOps _ops = new(runtime);

    public string Id => StrategyOps.Id(request);

    public string Approver => StrategyOps.Approver(request);

    public string Owner => StrategyOps.Owner(request);

    public string Stakeholder(int number) => StrategyOps.Stakeholder(request, number);

    /// <summary>The page a post answered is an acknowledgement: the answer received, or the decision recorded.</summary>
    public static void AssertAcknowledged(WebPage page) =>
        Assert.True(page.Notice is "AnswerReceived" or "DecisionRecorded", $"The post answered {(int)page.StatusCode} ({page.Notice}): {page.Text}");

    /// <summary>The stakeholder opens the stage's link from their newest such mail, fills the form and submits it.</summary>
    public async Task<WebPage> AnswerAsync(int stakeholder, string stage, Action<WebForm> fill, string kind = "Invitation", int round = 1)
    {
        var (_, form) = await Pages.OpenFormAsync(runtime.Http, await _ops.WaitForLinkAsync(Stakeholder(stakeholder), kind, stage, round));
        fill(form);
        return await form.PostAsync(runtime.Http, "submit");
    }

    public static Action<WebForm> Goal(string title, string businessGoal = BusinessGoal, string target = "40") => form =>
        form.Set("responses[0]", "Asiakkaamme ovat siellä.").Set("responses[1]", "Liidejä ja hakijoita.")
            .Set("goals[0].title", title).Set("goals[0].businessGoal", businessGoal)
            .Set("goals[0].metric", "kpl / kk").Set("goals[0].target", target);

    public static Action<WebForm> AudienceAndChannel(string audience, string channel) => form =>
        form.Set("audiences[0].name", audience).Set("audiences[0].priority", form.Value("audiences[0].priority") is "" ? "1" : form.Value("audiences[0].priority"))
            .Set("channels[0].name", channel).Set("channels[0].audiencesText", audience).Set("channels[0].purpose", "Näkyvyys");

    public static Action<WebForm> Activity(string title, string goal, string channel) => form =>
        form.Set("activities[0].title", title).Tick("activities[0].goals", goal).Tick("activities[0].channels", channel)
            .Set("activities[0].cadence", "viikoittain").Set("activities[0].metric", "tavoitetut").Set("activities[0].reviewEvery", "kuukausittain");

    /// <summary>An owner for every channel and activity the form lists (it must list exactly <paramref name="channels"/> and <paramref name="activities"/>).</summary>
    public Action<WebForm> Ownership(IReadOnlyDictionary<string, string> owners, IReadOnlyList<string> channels, IReadOnlyList<string> activities) => form =>
    {
        form.Set("overallOwner.name", "Olli Omistaja").Set("overallOwner.email", Owner);
        FillOwners(form, "channelOwners", "channel", owners, channels);
        FillOwners(form, "activityOwners", "activity", owners, activities);
        form.Set("participants[0].who", "Markkinointi").Set("participants[0].role", "Sisällöntuotanto");
    };

    /// <summary>The approver approves the draft as consolidated; the strategy moves past the stage.</summary>
    public async Task ApproveAsync(string stage, int number, int round = 1)
    {
        var (_, form) = await Pages.OpenFormAsync(runtime.Http, await _ops.WaitForLinkAsync(Approver, "ReviewRequest", stage, round));
        var confirmation = await form.PostAsync(runtime.Http, "approve");
        AssertAcknowledged(confirmation);
        await _ops.WaitForStatusAsync(
            Id,
            s => s.GetProperty("status").GetString() != "Running" || s.GetProperty("stage").GetProperty("number").GetInt32() > number,
            $"stage {number} to be approved after the page said: {confirmation.Text}\nHost output:\n{runtime.Host.Output}");
    }

    /// <summary>Stages 2 to 4 with two stakeholders, building on <paramref name="goals"/> (one each) approved in stage 1.</summary>
    public async Task PassStagesTwoToFourAsync(IReadOnlyList<string> goals, IReadOnlyList<string> channels, IReadOnlyList<string> activities, IReadOnlyDictionary<string, string> owners)
    {
        string[] audiences = ["Ostopäättäjät", "Ohjelmistokehittäjät"];
        for (var i = 0; i < 2; i++)
        {
            AssertAcknowledged(await AnswerAsync(i + 1, "audiences", AudienceAndChannel(audiences[i], channels[i])));
        }
        await ApproveAsync("audiences", 2);

        for (var i = 0; i < 2; i++)
        {
            var activity = Activity(activities[i], goals[i], channels[i]);
            AssertAcknowledged(await AnswerAsync(i + 1, "activities", form =>
            {
                Assert.Equal(goals.Order(), form.Choices("activities[0].goals").Order());
                Assert.Equal(channels.Order(), form.Choices("activities[0].channels").Order());
                activity(form);
            }));
        }
        await ApproveAsync("activities", 3);

        for (var i = 0; i < 2; i++)
        {
            AssertAcknowledged(await AnswerAsync(i + 1, "ownership", Ownership(owners, channels, activities)));
        }
        await ApproveAsync("ownership", 4);
    }

    private static void FillOwners(WebForm form, string list, string key, IReadOnlyDictionary<string, string> owners, IReadOnlyList<string> expected)
    {
        var rows = form.Names(n => n.StartsWith(list + "[", StringComparison.Ordinal) && n.EndsWith("." + key, StringComparison.Ordinal));
        Assert.Equal(expected.Order(), rows.Select(form.Value).Order());
        foreach (var row in rows)
        {
            form.Set(row[..^key.Length] + "owner", owners[form.Value(row)]);
        }
    }
}
