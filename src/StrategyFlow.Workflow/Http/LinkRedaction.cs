using System.Text.RegularExpressions;

namespace StrategyFlow.Workflow.Http;

/// <summary>
/// The personal form links (<c>/api/forms/{token}</c>) carry their credential in the path: the signed
/// token, which opens that person's form to whoever holds it. Anything that records URLs — telemetry, logs —
/// passes them through <see cref="Redact(string?)"/> so the token never leaves the request.
/// One function for every host; it only ever removes text.
/// </summary>
public static partial class LinkRedaction
{
    /// <summary>What stands where the token was.</summary>
    public const string Placeholder = "[redacted]";

    /// <summary>
    /// Replaces every token segment after <c>/api/forms/</c> (any case, also percent-encoded as
    /// <c>%2Fapi%2Fforms%2F</c> inside a query string) with <see cref="Placeholder"/>, in absolute URLs,
    /// paths and free text such as <c>GET /api/forms/…</c>. The segment ends at <c>/ ? # &amp;</c>,
    /// whitespace or a quote; everything else is kept. Text without a form link is returned as is.
    /// </summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains("forms", StringComparison.OrdinalIgnoreCase))
        {
            return text ?? string.Empty;
        }

        return FormToken().Replace(text, m => m.Groups["prefix"].Value + Placeholder);
    }

    /// <summary>The same for a <see cref="Uri"/>, absolute or relative; the same instance when nothing changes.</summary>
    public static Uri? Redact(Uri? uri)
    {
        if (uri is null)
        {
            return null;
        }

        var text = uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString;
        var redacted = Redact(text);
        return string.Equals(redacted, text, StringComparison.Ordinal) ? uri : new Uri(redacted, UriKind.RelativeOrAbsolute);
    }

    [GeneratedRegex(
        """(?<prefix>(?:/|%2F)api(?:/|%2F)forms(?:/|%2F))(?!\[redacted\](?:$|[/?#&\s"'<>]))[^/?#&\s"'<>]+""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex FormToken();
}
