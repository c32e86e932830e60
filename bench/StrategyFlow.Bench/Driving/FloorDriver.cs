using System.Diagnostics;
using System.Net;
using StrategyFlow.Bench.Results;

namespace StrategyFlow.Bench.Driving;

/// <summary>
/// Sends one floor instance the events the product's people send one strategy: per stage and round K
/// answers then one decision, with the same send-backs (<see cref="StrategyDriver.SendsBack"/>), each
/// posted once the previous one was counted. No form GETs and no mail: the floor has neither.
/// </summary>
public sealed class FloorDriver(HttpClient http, string opsKey, Measurements measurements, int stakeholders, TimeSpan timeout)
{
    /// <summary>The floor host's answer to an event post.</summary>
    private sealed record EventCounted(bool Counted, int Events, bool Done);

    public async Task RunAsync(string id, int index)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var path = $"/api/floor/{Uri.EscapeDataString(id)}";
        var startedAt = measurements.Started();
        var succeeded = false;
        try
        {
            // The product's windows: no timer fires during a run.
            using (var started = await PostAsync(path, new { stages = StrategyDriver.StageCount, stakeholders, window = "02:00:00" }, deadline.Token))
            {
                await EnsureAsync(started, HttpStatusCode.Accepted, $"Starting {id}", deadline.Token);
            }
            var done = false;
            for (var stage = 0; stage < StrategyDriver.StageCount; stage++)
            {
                for (var round = 1; ; round++)
                {
                    for (var k = 1; k <= stakeholders; k++)
                    {
                        await RaiseAsync($"{path}/answers", new { stakeholder = k }, deadline.Token);
                    }
                    var sendBack = round == 1 && StrategyDriver.SendsBack(index, stage);
                    done = await RaiseAsync($"{path}/decisions", new { approved = !sendBack }, deadline.Token);
                    if (!sendBack)
                    {
                        break;
                    }
                }
            }
            if (!done)
            {
                throw new InvalidOperationException($"{id}: the floor instance had not ended after its last decision.");
            }
            succeeded = true;
        }
        finally
        {
            measurements.Ended(startedAt, succeeded);
        }
    }

    /// <summary>One human action: the post, timed like a form POST; returns whether the instance ended.</summary>
    private async Task<bool> RaiseAsync(string path, object payload, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var response = await PostAsync(path, payload, cancellationToken);
        // 202: not counted within the host's patience; the run goes on, as a person would after "pending".
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            await EnsureAsync(response, HttpStatusCode.OK, $"POST {path}", cancellationToken);
        }
        measurements.FormPost(clock.Elapsed);
        var counted = await response.Content.ReadFromJsonAsync<EventCounted>(cancellationToken);
        return counted is { Done: true };
    }

    private async Task<HttpResponseMessage> PostAsync(string path, object payload, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(payload) };
        message.Headers.Add("x-functions-key", opsKey);
        return await http.SendAsync(message, cancellationToken);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string what, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        }
    }
}
