namespace StrategyFlow.Workflow.Status;

/// <summary>What one timeline entry records (<see cref="TimelineEvent.Event"/>).</summary>
public static class TimelineEvents
{
    public const string Started = "started";

    /// <summary>A mail went out (<see cref="TimelineEvent.Mail"/> says which kind; <see cref="TimelineEvent.Person"/> to whom).</summary>
    public const string MailSent = "mailSent";
    public const string AnswerSubmitted = "answerSubmitted";
    public const string AnswerRevised = "answerRevised";

    /// <summary>A round closed: the answers were merged into the draft the approvers review.</summary>
    public const string ReviewPrepared = "reviewPrepared";
    public const string Decision = "decision";

    /// <summary>An approved stage was saved to the archive.</summary>
    public const string StageArchived = "stageArchived";

    /// <summary>The strategy's documents were written to the archive.</summary>
    public const string StrategyArchived = "strategyArchived";

    /// <summary>Mail or storage keeps failing since this time (<see cref="TimelineEvent.Detail"/> says what is delayed).</summary>
    public const string DeliveryDelayed = "deliveryDelayed";

    /// <summary>The strategy ended (<see cref="TimelineEvent.Detail"/> is its status, <see cref="TimelineEvent.Comment"/> the reason).</summary>
    public const string Ended = "ended";
}
