// Placeholder until the pages branch lands with the real templates.
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Mail;

public enum MailKind { Invitation, Reminder, SentBack, ReviewRequest, ReviewReminder, Escalation, StageApproved, Completed, Rejected, Cancelled }

public sealed record MailModel
{
    public MailKind Kind { get; init; }
    public Language Language { get; init; }
    public string Organization { get; init; } = "";
    public string StrategyTitle { get; init; } = "";
    public StageKey? Stage { get; init; }
    public int Round { get; init; }
    public string RecipientName { get; init; } = "";
    public string? Link { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public string? Comment { get; init; }
    public IReadOnlyList<string> Pending { get; init; } = [];
    public int RemindersSent { get; init; }
}

public sealed record MailContent(string Subject, string Html, string PlainText);

public static class MailTemplates
{
    public static MailContent Render(MailModel model) => new($"{model.Kind} {model.StrategyTitle}", $"<p><a href=\"{model.Link}\">link</a></p>", model.Link ?? "");
}
