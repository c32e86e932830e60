namespace StrategyFlow.Workflow.Http;

/// <summary>
/// Every route of the HTTP surface (docs/design.md, "Routes") in one place: the templates, relative to the
/// <see cref="Prefix"/> as Functions' <c>[HttpTrigger(Route = …)]</c> takes them (its host adds <c>api/</c>), and
/// the addresses built from them. The local host maps the same templates under the same prefix.
/// </summary>
public static class Routes
{
    /// <summary>The path segment every route sits under, Functions' default <c>routePrefix</c>.</summary>
    public const string Prefix = "api";

    public const string Health = "health";

    // Ops, behind the key.
    public const string Strategies = "strategies";
    public const string Strategy = "strategies/{id}";
    public const string Cancel = "strategies/{id}/cancel";
    public const string Reminders = "strategies/{id}/reminders";
    public const string Document = "strategies/{id}/document";
    public const string Timeline = "strategies/{id}/timeline";
    public const string ReaderAccess = "strategies/{id}/reader-access";

    // Personal links: the sealed token is the credential.
    public const string Form = "forms/{token}";
    public const string FormDocument = "forms/{token}/document";

    /// <summary>The status of strategy <paramref name="id"/>, from the site's root.</summary>
    public static string StrategyPath(string id) => $"/{Prefix}/strategies/{Uri.EscapeDataString(id)}";

    public static string CancelPath(string id) => StrategyPath(id) + "/cancel";

    /// <summary>The archived document of strategy <paramref name="id"/>; <paramref name="format"/> html, md or json, or the HTML when null.</summary>
    public static string DocumentPath(string id, string? format = null) =>
        StrategyPath(id) + "/document" + (format is null ? "" : $"?format={Uri.EscapeDataString(format)}");

    /// <summary>A personal link as mailed: absolute, under the public base address, optionally at a section of its page.</summary>
    public static string FormUrl(string publicBaseUrl, string token, string? fragment = null) =>
        $"{publicBaseUrl.TrimEnd('/')}/{Prefix}/forms/{token}{(fragment is null ? "" : "#" + fragment)}";

    /// <summary>
    /// Another personal link, from a page served at a personal link: relative, so it stays on the host and path
    /// prefix the person used.
    /// </summary>
    public static string SiblingForm(string token) => "./" + token;

    /// <summary>The download of the archived document from a page served at personal link <paramref name="self"/>.</summary>
    public static string FormDocumentPath(string self, string format) => $"{self}/document?format={Uri.EscapeDataString(format)}";
}
