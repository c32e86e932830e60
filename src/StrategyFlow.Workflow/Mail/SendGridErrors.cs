using System.Net;
using System.Text.Json;

namespace StrategyFlow.Workflow.Mail;

/// <summary>What a SendGrid error answer means for the workflow, in words ops can act on.</summary>
internal static class SendGridErrors
{
    /// <summary>
    /// Whether every error of a 400 names a recipient's address (<c>personalizations.0.to.0.email</c>):
    /// only then is the recipient refused. A 400 about anything else is the request's fault, not theirs.
    /// </summary>
    public static async Task<bool> AllAboutRecipientsAsync(HttpContent? body, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(await body.ReadAsStringAsync(cancellationToken));
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array
                && errors.GetArrayLength() > 0
                && errors.EnumerateArray().All(e =>
                    e.ValueKind == JsonValueKind.Object
                    && e.TryGetProperty("field", out var field)
                    && field.ValueKind == JsonValueKind.String
                    && IsRecipientAddress(field.GetString()!));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Why a send failed, shown to ops as the delivery's last error.</summary>
    public static string Describe(HttpStatusCode status) => (int)status switch
    {
        401 or 403 => $"SendGrid refused the API key ({(int)status}): check the configured SendGrid key.",
        429 => "SendGrid is limiting the sending rate (429).",
        >= 500 => $"SendGrid is unavailable ({(int)status}).",
        _ => $"SendGrid refused the request ({(int)status}).",
    };

    private static bool IsRecipientAddress(string field) =>
        field.Split('.') is ["personalizations", _, "to" or "cc" or "bcc", _, "email"];
}
