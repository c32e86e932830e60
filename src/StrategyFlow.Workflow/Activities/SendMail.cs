using Microsoft.DurableTask;
using StrategyFlow.Workflow.Mail;

namespace StrategyFlow.Workflow.Activities;

/// <summary>Sends a batch of emails (invitations, reminders, escalations) through <see cref="MailSender"/>.</summary>
public sealed class SendMail(MailSender mail) : TaskActivity<MailBatch, MailBatchResult>
{
    public override Task<MailBatchResult> RunAsync(TaskActivityContext context, MailBatch input) => mail.SendAsync(input);
}
