using Microsoft.AspNetCore.Http;
using StrategyFlow.Workflow.Pages;

namespace StrategyFlow.Workflow.Http;

/// <summary>An authentic link past its expiry, on a round that still waits for its owner: it can only ask for a fresh one.</summary>
public static partial class FormApi
{
    /// <summary>
    /// Only the offer's own button does anything: it mails the link's owner a fresh link. Anything else posted
    /// (an answer typed before the link expired) counts for nothing and gets the offer again.
    /// </summary>
    private static async Task<IResult> ExpiredLinkPostAsync(FormSession session, IFormCollection form, FormServices services, CancellationToken cancellationToken)
    {
        if (form[FormFields.Action] != FormPages.FreshLinkAction)
        {
            return FormPages.Notice(NoticeKind.LinkExpired, session.Language);
        }

        await services.FreshLinks.SendAsync(session.Input, session.Participant, session.Claims.Role, session.Claims.Round, session.Status.Deadline, cancellationToken);
        return FormPages.Notice(NoticeKind.FreshLinkSent, session.Language);
    }
}
