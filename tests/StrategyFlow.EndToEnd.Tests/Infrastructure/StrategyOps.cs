using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StrategyFlow.EndToEnd.Tests.Infrastructure;

/// <summary>The ops API and the mailbox as a strategy's participants and ops use them over HTTP.</summary>
public sealed class StrategyOps(LocalRuntimeFixture runtime)
{
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(45);

    private readonly DevMailbox _mailbox = new(runtime);

    /// <summary>A start request for a new strategy with its own participants (fresh addresses).</summary>
    public static JsonObject NewRequest(string name, int stakeholders, JsonObject timing)
    {
        var people = new JsonArray();
        for (var i = 1; i <= stakeholders; i++)
        {
            people.Add(new JsonObject { ["name"] = $"Sidosryhmä {i}", ["email"] = DevMailbox.NewRecipient($"stakeholder{i}") });
        }
        return new JsonObject
        {
            ["id"] = $"{name}-{Guid.NewGuid():N}"[..(name.Length + 13)],
            ["organization"] = "Acme Oy",
            ["title"] = "Sosiaalisen median strategia 2027",
            ["language"] = "fi",
            ["owner"] = new JsonObject { ["name"] = "Olli Omistaja", ["email"] = DevMailbox.NewRecipient("owner") },
            ["businessGoals"] = new JsonArray("Kasvattaa B2B-liidejä 20 %", "Vahvistaa työnantajakuvaa"),
            ["stakeholders"] = people,
            ["approvers"] = new JsonArray(new JsonObject { ["name"] = "Aino Hyväksyjä", ["email"] = DevMailbox.NewRecipient("approver") }),
            ["policy"] = "any",
            ["timing"] = timing,
        };
    }

    public static string Id(JsonObject request) => request["id"]!.GetValue<string>();

    public static string Owner(JsonObject request) => request["owner"]!["email"]!.GetValue<string>();

    public static string Approver(JsonObject request) => request["approvers"]![0]!["email"]!.GetValue<string>();

    public static string Stakeholder(JsonObject request, int number) => request["stakeholders"]![number - 1]!["email"]!.GetValue<string>();

    public async Task StartAsync(JsonObject request)
    {
        using var response = await runtime.OpsHttp.PostAsJsonAsync("/api/strategies", request);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Start answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonElement> StatusAsync(string id) =>
        await runtime.OpsHttp.GetFromJsonAsync<JsonElement>($"/api/strategies/{Uri.EscapeDataString(id)}");

    /// <summary>Polls the status until <paramref name="condition"/> holds; returns that status.</summary>
    public async Task<JsonElement> WaitForStatusAsync(string id, Func<JsonElement, bool> condition, string what, TimeSpan? timeout = null)
    {
        var last = default(JsonElement);
        JsonElement[] box;
        try
        {
            box = await Poll.UntilAsync(
                async () =>
                {
                    last = await StatusAsync(id);
                    return condition(last) ? new[] { last } : null;
                },
                timeout ?? StepTimeout,
                what);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} Last status: {(last.ValueKind == JsonValueKind.Undefined ? "none" : last.GetRawText())}", e);
        }
        return box[0];
    }

    /// <summary>Waits until the current stage is <paramref name="stage"/> in <paramref name="phase"/>.</summary>
    public Task<JsonElement> WaitForPhaseAsync(string id, int stage, string phase, int round = 1) =>
        WaitForStatusAsync(
            id,
            s => s.GetProperty("stage") is { ValueKind: JsonValueKind.Object } st
                 && st.GetProperty("number").GetInt32() == stage && st.GetProperty("phase").GetString() == phase
                 && st.GetProperty("round").GetInt32() == round,
            $"stage {stage} round {round} to be {phase}");

    /// <summary>The newest mail of a kind (and optionally stage and round) to <paramref name="to"/>, once it arrived.</summary>
    public Task<MailSummary> WaitForMailAsync(string to, string kind, string? stage = null, int? round = null, TimeSpan? timeout = null) =>
        Poll.UntilAsync(
            async () => (await _mailbox.ListAsync(to)).FirstOrDefault(m =>
                m.CustomArgs.GetValueOrDefault("kind") == kind
                && (stage is null || m.CustomArgs.GetValueOrDefault("stage") == stage)
                && (round is null || m.CustomArgs.GetValueOrDefault("round") == round.ToString())),
            timeout ?? StepTimeout,
            $"a {kind} mail (stage {stage}, round {round}) to {to}");

    /// <summary>The form link of the newest such mail.</summary>
    public async Task<string> WaitForLinkAsync(string to, string kind, string stage, int round = 1)
    {
        var mail = await WaitForMailAsync(to, kind, stage, round);
        return Assert.Single(mail.Links, l => l.Contains("/api/forms/", StringComparison.Ordinal));
    }

    public static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!);
}
