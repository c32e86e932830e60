namespace StrategyFlow.Workflow.Pages;

/// <summary>The short pages shown after an action, or instead of a form.</summary>
public enum NoticeKind
{
    AnswerReceived,
    DecisionRecorded,
    RoundClosed,

    /// <summary>The answer was stored but the round closed before the workflow counted it.</summary>
    AnswerNotCounted,

    /// <summary>Stored and sent to the workflow, which has not confirmed it yet.</summary>
    AnswerPending,

    /// <summary>Another decision ended the review first, so this one was not counted.</summary>
    DecisionNotCounted,

    /// <summary>Sent to the workflow, which has not confirmed it yet.</summary>
    DecisionPending,
    LinkInvalid,

    /// <summary>An authentic link past its expiry, on a round still open to its owner: offers a fresh link.</summary>
    LinkExpired,

    /// <summary>A fresh link was asked for: it is on its way to the address the expired one was sent to.</summary>
    FreshLinkSent,
    NotFound,
    TooLarge,
    BadRequest,

    /// <summary>The body is not a URL-encoded form, the only kind the pages post.</summary>
    UnsupportedMediaType,
    Unavailable,

    /// <summary>A reader link of a strategy whose reader access ops have revoked.</summary>
    ReaderAccessRevoked,

    /// <summary>A document asked for before the strategy was archived.</summary>
    NotArchivedYet,
}
