using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StrategyFlow.LocalHost.Security;

namespace StrategyFlow.LocalHost.Mailbox;

/// <summary>
/// SendGrid's <c>POST /v3/mail/send</c>, served locally so the real SendGrid client works unchanged:
/// the same authentication, validation, status codes and error shape.
/// </summary>
public static class SendGridEndpoint
{
    public static async Task<IResult> SendAsync(
        HttpContext http,
        MailboxStore store,
        MailboxFaults faults,
        IOptions<DevMailboxOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var authorization = http.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
        {
            return Errors(StatusCodes.Status401Unauthorized, new SendGridError("authorization required", null));
        }
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !OpsKey.Matches(authorization["Bearer ".Length..], options.Value.ApiKey))
        {
            return Errors(StatusCodes.Status401Unauthorized, new SendGridError("The provided authorization grant is invalid, expired, or revoked", null));
        }

        await faults.DelayAsync(clock, cancellationToken);

        switch (faults.Roll())
        {
            case StatusCodes.Status429TooManyRequests:
                http.Response.Headers.RetryAfter = "1";
                return Errors(StatusCodes.Status429TooManyRequests, new SendGridError("too many requests", null));
            case StatusCodes.Status503ServiceUnavailable:
                return Errors(StatusCodes.Status503ServiceUnavailable, new SendGridError("service unavailable (injected fault)", null));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return Errors(StatusCodes.Status400BadRequest, new SendGridError("Bad Request", null));
        }

        using (document)
        {
            var (request, errors) = SendGridRequest.Read(document.RootElement);
            if (request is null)
            {
                return Errors(StatusCodes.Status400BadRequest, [.. errors]);
            }
            if (request.SandboxMode)
            {
                return Results.Ok(); // SendGrid's answer to a valid mail in sandbox mode: 200, nothing sent
            }

            var messageId = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var sentAt = clock.GetUtcNow();
            var links = MailHtml.Links(request.Html);
            var messages = request.Personalizations
                .SelectMany(p => p.Recipients.Select(recipient => new StoredMessage(
                    MailboxStore.NewId(), messageId, sentAt, request.From, recipient, request.ReplyTo,
                    p.Subject ?? request.Subject ?? "", request.Text, request.Html,
                    p.CustomArgs, request.Categories, p.Headers, links)))
                .ToList();
            await store.SaveAsync(messages, cancellationToken);

            http.Response.Headers["X-Message-Id"] = messageId;
            return Results.StatusCode(StatusCodes.Status202Accepted);
        }
    }

    private static IResult Errors(int status, params SendGridError[] errors) =>
        Results.Json(new { errors }, statusCode: status);
}
