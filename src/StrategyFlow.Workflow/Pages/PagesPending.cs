// Placeholder until the pages branch lands.
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Consolidation;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

public sealed class HtmlResult(int statusCode, string html) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => statusCode;
    public string? ContentType => "text/html; charset=utf-8";
    public string Html => html;
    public Task ExecuteAsync(HttpContext httpContext) { httpContext.Response.StatusCode = statusCode; return httpContext.Response.WriteAsync(html); }
}
public sealed record FormHeader(Language Language, string Organization, string StrategyTitle, StageKey Stage, int Round, string ParticipantName, DateTimeOffset? Deadline);
public sealed record StakeholderFormModel(FormHeader Header, StageAnswer Answer, StrategyContext Context, string? SendBackComment, IReadOnlyList<FieldError> Errors, int BlankRows = 1);
public sealed record ReviewPageModel(FormHeader Header, IReadOnlyList<ContributedAnswer> Answers, IReadOnlyList<string> NotAnswered, ConsolidatedDraft Consolidated, StageAnswer Draft, IReadOnlyList<Finding> Findings, StrategyContext Context, IReadOnlyList<FieldError> Errors, string Comment, int BlankRows = 1);
public enum NoticeKind { AnswerReceived, DecisionRecorded, RoundClosed, LinkInvalid, NotFound, TooLarge, BadRequest, Unavailable }
public enum FormActionKind { Submit, AddRow, Approve, RequestChanges, Reject, Unknown }
public sealed record FormAction(FormActionKind Kind, string? List);
public static class FormPages
{
    public static HtmlResult StakeholderForm(StakeholderFormModel m) => new(m.Errors.Count > 0 ? 400 : 200, "<form method=post>stakeholder</form>");
    public static HtmlResult ReviewPage(ReviewPageModel m) => new(m.Errors.Count > 0 ? 400 : 200, "<form method=post>review</form>");
    public static HtmlResult Notice(NoticeKind kind, Language language, string? detail = null) => new(kind switch { NoticeKind.LinkInvalid => 403, NoticeKind.NotFound => 404, NoticeKind.TooLarge => 413, NoticeKind.BadRequest => 400, NoticeKind.Unavailable => 503, _ => 200 }, kind.ToString());
}
public static class FormReader
{
    public static StageAnswer ReadAnswer(StageKey stage, IFormCollection form) => StageAnswer.Empty(stage);
    public static FormAction ReadAction(IFormCollection form) => new(FormActionKind.Submit, null);
    public static int ReadBlankRows(IFormCollection form) => 1;
    public static string ReadComment(IFormCollection form) => "";
}
