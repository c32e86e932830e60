using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Pages;
using StrategyFlow.Workflow.Status;

namespace StrategyFlow.Workflow.Http;

/// <summary>
/// Read-only links to a whole strategy: the reader page (the strategy as approved so far, its documents to download)
/// and the owner's progress page. They change nothing; an expired one can only ask for a fresh link.
/// </summary>
public static partial class FormApi
{
    /// <summary><c>GET /api/forms/{token}/document?format=html|md|json</c>: the archived strategy, for a reader or the owner.</summary>
    public static async Task<IResult> DocumentAsync(string token, HttpRequest request, DurableTaskClient client, FormServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            var verification = services.Tokens.Verify(token);
            if (verification.Claims is not { } claims || !LinkTokens.IsAboutTheStrategy(claims.Role))
            {
                return FormPages.Notice(NoticeKind.LinkInvalid);
            }

            var (record, refused) = await OpenReadOnlyAsync(verification, client, services, withEvents: false, cancellationToken);
            if (record is null || refused is not null)
            {
                return refused!;
            }

            var language = record.Definition.Header.Language;
            if (!DocumentRenderer.TryParseFormat(request.Query["format"].FirstOrDefault() ?? "html", out var format))
            {
                return FormPages.Notice(NoticeKind.BadRequest, language);
            }

            var content = await services.Repository.ReadArchiveAsync(Storage.StrategyRepository.DocumentName(claims.StrategyId, format), cancellationToken);
            return content is null
                ? FormPages.Notice(NoticeKind.NotArchivedYet, language)
                : DocumentDownload.Result(request.HttpContext.Response, claims.StrategyId, format, content);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnavailable(services.Logger, e);
            return FormPages.Notice(NoticeKind.Unavailable);
        }
    }

    /// <summary>A reader link shows the strategy; the owner's link their progress page.</summary>
    private static async Task<IResult> ReadOnlyPageAsync(string token, LinkVerification verification, DurableTaskClient client, FormServices services, CancellationToken cancellationToken)
    {
        var claims = verification.Claims!;
        var (record, refused) = await OpenReadOnlyAsync(verification, client, services, withEvents: claims.Role == LinkRole.Owner, cancellationToken);
        if (record is null || refused is not null)
        {
            return refused!;
        }

        var person = record.NameOf(claims.Participant);
        if (claims.Role == LinkRole.Reader)
        {
            return StrategyPages.Reader(new ReaderPageModel(record, person, Routes.SiblingForm(token)));
        }

        // The owner reads the approved stages through a reader link of their own, as long-lived as this one.
        var reader = services.Tokens.Create(claims with { Role = LinkRole.Reader });
        return StrategyPages.Progress(new ProgressPageModel(record, person, Routes.SiblingForm(reader), services.Time.GetUtcNow()));
    }

    /// <summary>A post to a read-only link changes nothing, except an expired one's request for a fresh link.</summary>
    private static async Task<IResult> ReadOnlyPostAsync(
        string token, LinkVerification verification, HttpRequest request, DurableTaskClient client, FormServices services, CancellationToken cancellationToken)
    {
        var claims = verification.Claims!;
        var (record, refused) = await OpenReadOnlyAsync(verification, client, services, withEvents: false, cancellationToken);
        if (record is null)
        {
            return refused!;
        }

        var header = record.Definition.Header;
        var form = await FormBody.ReadAsync(request, header.Language, cancellationToken);
        if (form.Page is not null)
        {
            return form.Page;
        }

        if (verification.IsValid)
        {
            return await ReadOnlyPageAsync(token, verification, client, services, cancellationToken);
        }

        if (form.Values![FormFields.Action] != FormPages.FreshLinkAction)
        {
            return refused!;
        }

        var person = record.Definition.Everyone().First(p => p.Email == claims.Participant);
        await services.FreshLinks.SendAsync(header, person, claims.Role, claims.Stage, 0, null, cancellationToken);
        return FormPages.Notice(NoticeKind.FreshLinkSent, header.Language);
    }

    /// <summary>
    /// The strategy a read-only link may see, and the page to show instead when it may not: the same generic page for
    /// any link that is not authentic, of another run or not a participant's (a reader) or the owner's (the progress
    /// page). A revoked reader link says so in the strategy's language; an expired one offers a fresh link.
    /// </summary>
    private static async Task<(StrategyRecord? Record, IResult? Page)> OpenReadOnlyAsync(
        LinkVerification verification, DurableTaskClient client, FormServices services, bool withEvents, CancellationToken cancellationToken)
    {
        var claims = verification.Claims!;
        var record = await StrategyTimeline.ReadAsync(client, services.Repository, claims.StrategyId, withEvents && verification.IsValid, cancellationToken);
        var header = record?.Definition.Header;
        var person = claims.Role == LinkRole.Owner
            ? header?.Owner.Email == claims.Participant ? header.Owner : null
            : record?.Definition.Everyone().FirstOrDefault(p => p.Email == claims.Participant);
        if (record is null || person is null || claims.Run != (header!.Run ?? ""))
        {
            return (null, FormPages.Notice(NoticeKind.LinkInvalid));
        }

        if (claims.Role == LinkRole.Reader && await services.Repository.ReaderAccessRevokedAsync(claims.StrategyId, claims.Run, cancellationToken))
        {
            return (null, FormPages.Notice(NoticeKind.ReaderAccessRevoked, header.Language));
        }

        // An expired link gets its strategy too, to ask for a fresh link; the page it shows is the offer.
        return (record, verification.IsValid ? null : FormPages.Notice(NoticeKind.LinkExpired, header.Language));
    }
}
