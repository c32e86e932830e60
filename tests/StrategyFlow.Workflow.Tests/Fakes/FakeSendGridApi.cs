using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StrategyFlow.Workflow.Tests.Fakes;

/// <summary>One email as the SendGrid API received it.</summary>
public sealed partial record SentMail(string To, string Subject, string Html, string Text, IReadOnlyDictionary<string, string> CustomArgs, IReadOnlyList<string> Categories)
{
    /// <summary>The whole request body, as the SendGrid client wrote it.</summary>
    public string RequestJson { get; init; } = "";

    public string Kind => CustomArgs.GetValueOrDefault("kind", "");

    /// <summary>The stage's slug (<c>goals</c>, …), empty for mail about the whole strategy.</summary>
    public string Stage => CustomArgs.GetValueOrDefault("stage", "");

    /// <summary>The token of the (first) personal link in this mail, if any.</summary>
    public string? Token => FormLink().Match(Html) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The token of the owner's progress link, when it is not the mail's only link.</summary>
    public string? ProgressToken => FormLink().Matches(Html).Select(m => m.Groups[1].Value).Distinct().LastOrDefault();

    [GeneratedRegex("/api/forms/([A-Za-z0-9_.~-]+)")]
    private static partial Regex FormLink();
}

/// <summary>
/// The SendGrid API behind the real SendGrid client: records what was sent, and answers with
/// scripted status codes first (e.g. 429, 503, 400) before accepting.
/// </summary>
public sealed partial class FakeSendGridApi : HttpMessageHandler
{
    private readonly ConcurrentQueue<SentMail> _sent = new();
    private readonly ConcurrentQueue<(HttpStatusCode Status, string? Body)> _script = new();

    public IReadOnlyList<SentMail> Sent => _sent.ToList();

    public int Requests { get; private set; }

    /// <summary>The next requests get these answers, in order.</summary>
    public void Fail(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses)
        {
            _script.Enqueue((status, null));
        }
    }

    /// <summary>The next request gets this answer with this SendGrid error body.</summary>
    public void FailWith(HttpStatusCode status, string body) => _script.Enqueue((status, body));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        if (_script.TryDequeue(out var next))
        {
            // By default a scripted 400 is SendGrid's answer to an invalid recipient address; other codes carry no field.
            var (scripted, scriptedBody) = next;
            var error = scriptedBody ?? (scripted == HttpStatusCode.BadRequest
                ? "{\"errors\":[{\"message\":\"Does not contain a valid address.\",\"field\":\"personalizations.0.to.0.email\"}]}"
                : "{\"errors\":[{\"message\":\"scripted\"}]}");
            var failure = new HttpResponseMessage(scripted) { Content = new StringContent(error) };
            if (scripted == HttpStatusCode.TooManyRequests)
            {
                failure.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
            }

            return failure;
        }

        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var content = root.GetProperty("content").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString()!);
        var categories = root.TryGetProperty("categories", out var cats) ? cats.EnumerateArray().Select(c => c.GetString()!).ToList() : [];
        foreach (var personalization in root.GetProperty("personalizations").EnumerateArray())
        {
            // SendGrid lets subject and custom_args sit on the message or on each personalization.
            var subject = personalization.TryGetProperty("subject", out var own) ? own : root.GetProperty("subject");
            var customArgs = new[] { root, personalization }
                .Where(e => e.TryGetProperty("custom_args", out _))
                .SelectMany(e => e.GetProperty("custom_args").EnumerateObject())
                .ToDictionary(p => p.Name, p => p.Value.GetString()!);
            foreach (var to in personalization.GetProperty("to").EnumerateArray())
            {
                _sent.Enqueue(new SentMail(
                    to.GetProperty("email").GetString()!,
                    subject.GetString()!,
                    content.GetValueOrDefault("text/html", ""),
                    content.GetValueOrDefault("text/plain", ""),
                    customArgs,
                    categories) { RequestJson = body });
            }
        }

        return new HttpResponseMessage(HttpStatusCode.Accepted);
    }
}
