using StrategyFlow.LocalHost.Hosting;

namespace StrategyFlow.LocalHost.Mailbox;

/// <summary><c>LocalHost:Mailbox</c>: the development mailbox.</summary>
public sealed class DevMailboxOptions
{
    public const string SectionName = "LocalHost:Mailbox";

    /// <summary>The bearer key SendGrid requests must carry (the local host gives the same one to the mail sender).</summary>
    public string ApiKey { get; set; } = LocalContractExtensions.DevMailApiKey;
}
