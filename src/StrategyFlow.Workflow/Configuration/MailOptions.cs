using System.ComponentModel.DataAnnotations;

namespace StrategyFlow.Workflow.Configuration;

/// <summary><c>StrategyFlow:Mail</c>: SendGrid.</summary>
public sealed class MailOptions
{
    /// <summary>SendGrid API key (Key Vault reference on Azure). Never logged.</summary>
    [Required]
    public string ApiKey { get; set; } = "";

    [Required, EmailAddress]
    public string SenderEmail { get; set; } = "";

    public string SenderName { get; set; } = "StrategyFlow";

    /// <summary>SendGrid's sandbox mode: the API validates the mail and sends nothing.</summary>
    public bool SandboxMode { get; set; }

    /// <summary>Overrides SendGrid's API host; the local host points it at its development mailbox.</summary>
    public string? Host { get; set; }
}
