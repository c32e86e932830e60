using StrategyFlow.Core.Links;
using System.ComponentModel.DataAnnotations;

namespace StrategyFlow.Workflow.Configuration;

/// <summary><c>StrategyFlow:Links</c>: signing of the personal form links.</summary>
public sealed class LinkOptions
{
    /// <summary>Base64 HMAC key, at least 32 bytes (Key Vault reference on Azure).</summary>
    [Required]
    public string SigningKey { get; set; } = "";

    /// <summary>Base64 keys still accepted after a rotation, comma-separated.</summary>
    public string PreviousSigningKeys { get; set; } = "";

    /// <summary>How long a link stays valid after its email was sent, at least (see <see cref="GracePeriod"/>).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// A link never expires before its round's deadline plus this: someone who opens it just after the
    /// deadline is told the round has closed, not that the link is invalid.
    /// </summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The owner of an expired link is mailed a fresh one at most once per this interval, per round.</summary>
    public TimeSpan FreshLinkInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a read-only link lasts from its email: the reader link to the strategy (outcome mail, an approved
    /// stage) and the owner's progress link. Every mail to the owner carries a new progress link.
    /// </summary>
    public TimeSpan ReadOnlyLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>The configured keys, or null when any is not base64 of at least 32 bytes.</summary>
    public LinkSigningKeys? SigningKeys()
    {
        var current = Key(SigningKey);
        var previous = PreviousSigningKeys
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Key)
            .ToList();
        return current is null || previous.Any(k => k is null) ? null : new LinkSigningKeys(current, previous!);

        static byte[]? Key(string? base64)
        {
            var buffer = new byte[((base64?.Length ?? 0) * 3 / 4) + 3];
            return Convert.TryFromBase64String(base64 ?? "", buffer, out var written) && written >= 32 ? buffer[..written] : null;
        }
    }
}
