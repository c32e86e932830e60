using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using StrategyFlow.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StrategyFlow.EndToEnd.Tests.Workflow;

/// <summary>An outage of mail never ends a strategy: it waits, shows the delay, and completes once mail is back.</summary>
[Collection(LocalRuntimeCollection.Name)]
public sealed class OutageTests(LocalRuntimeFixture runtime, ITestOutputHelper output)
{
    /// <summary>More failed attempts than the fixed retry budget (eight) that used to fail a strategy for good.</summary>
    private const int FailedAttempts = 9;

    private readonly StrategyOps _ops = new(runtime);

    [Fact]
    public async Task MailDown_WhileAnswersAndAReviewAreDue_StrategyCompletesWithEveryAcknowledgedAnswerAndNoMailTwice()
    {
        var request = StrategyOps.NewRequest("outage", 2, new JsonObject
        {
            ["responseWindow"] = "PT5M", ["reminderInterval"] = "P1D", ["maxReminders"] = 0, ["approvalWindow"] = "PT10M",
        });
        var walk = new StrategyWalk(runtime, request);
        await _ops.StartAsync(request);
        await _ops.WaitForStatusAsync(walk.Id, s => s.GetProperty("delivery").ValueKind == JsonValueKind.Null
            && s.GetProperty("stage") is { ValueKind: JsonValueKind.Object } stage && stage.GetProperty("round").GetInt32() == 1
            && stage.GetProperty("phase").GetString() == "CollectingInput",
            "the invitations to go out");

        string[] goals = ["Liidit LinkedInistä", "Kehittäjät hakevat meille"];
        var outage = Stopwatch.StartNew();
        JsonElement delayed;
        await SetMailFailingAsync(true);
        try
        {
            // Answers need no mail: they are acknowledged during the outage. The last one closes the round, and the review requests wait.
            for (var i = 0; i < 2; i++)
            {
                StrategyWalk.AssertAcknowledged(await walk.AnswerAsync(i + 1, "goals", StrategyWalk.Goal(goals[i])));
            }
            delayed = await _ops.WaitForStatusAsync(
                walk.Id,
                s => s.GetProperty("delivery") is { ValueKind: JsonValueKind.Object } d && d.GetProperty("failedAttempts").GetInt32() >= FailedAttempts,
                $"{FailedAttempts} failed attempts to send the review requests",
                TimeSpan.FromSeconds(90));
        }
        finally
        {
            await SetMailFailingAsync(false);
        }
        outage.Stop();

        var delivery = delayed.GetProperty("delivery");
        Assert.Equal("Running", delayed.GetProperty("status").GetString());
        Assert.Equal("review requests", delivery.GetProperty("what").GetString());
        Assert.Contains("503", delivery.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.True(delivery.GetProperty("nextAttempt").GetDateTimeOffset() > delivery.GetProperty("since").GetDateTimeOffset());

        // Mail is back: the review request arrives, and the strategy goes on to the end.
        await walk.ApproveAsync("goals", 1);
        string[] channels = ["LinkedIn", "GitHub"];
        string[] activities = ["Asiakastarinat", "Avoin lähdekoodi"];
        var owners = new Dictionary<string, string> { ["LinkedIn"] = "Sanna", ["GitHub"] = "Mikko", ["Asiakastarinat"] = "Sanna", ["Avoin lähdekoodi"] = "Mikko" };
        await walk.PassStagesTwoToFourAsync(goals, channels, activities, owners);
        await _ops.WaitForStatusAsync(walk.Id, s => s.GetProperty("status").GetString() == "Completed", "the strategy to complete");

        var archived = await new BlobContainerClient(runtime.StorageConnectionString, "strategies").GetBlobClient($"{walk.Id}/stages/1-goals.json").DownloadContentAsync();
        var archivedGoals = JsonNode.Parse(archived.Value.Content.ToString())!["content"]!["goals"]!.AsArray().Select(g => g!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(goals.Order(StringComparer.Ordinal), archivedGoals.Order(StringComparer.Ordinal));

        var mailbox = new DevMailbox(runtime);
        var people = new[] { walk.Stakeholder(1), walk.Stakeholder(2), walk.Approver, walk.Owner };
        var mails = (await Task.WhenAll(people.Select(p => mailbox.ListAsync(p)))).SelectMany(m => m).ToList();
        var twice = mails.GroupBy(m => m.CustomArgs["messageKey"]).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(twice);
        output.WriteLine(
            $"Outage {outage.Elapsed.TotalSeconds:0.0} s, {delivery.GetProperty("failedAttempts").GetInt32()} failed attempts of the review requests; "
            + $"answers acknowledged 2, archived {archivedGoals.Count}; {mails.Count} mails, {twice.Count} delivered twice.");
    }

    private async Task SetMailFailingAsync(bool failing)
    {
        using var response = await runtime.Http.PostAsJsonAsync("/dev/mailbox/faults", new { rate429 = 0, rate503 = failing ? 1 : 0, delaySeconds = 0 });
        response.EnsureSuccessStatusCode();
    }
}
