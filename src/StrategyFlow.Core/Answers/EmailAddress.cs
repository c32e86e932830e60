using System.Net.Mail;

namespace StrategyFlow.Core.Answers;

/// <summary>A deliberately strict email check built on <see cref="MailAddress"/>: a bare address, nothing else.</summary>
public static class EmailAddress
{
    public static bool IsValid(string? email) =>
        !string.IsNullOrEmpty(email)
        && email.Length <= Limits.Email
        && MailAddress.TryCreate(email, out var parsed)
        // MailAddress also accepts "Name <a@b.example>" and trims: only the bare address itself passes.
        && string.Equals(parsed.Address, email, StringComparison.Ordinal)
        // A mail domain people use has a dot; "a@localhost" is almost always a typo here.
        && parsed.Host.Contains('.', StringComparison.Ordinal)
        && !parsed.Host.StartsWith('.')
        && !parsed.Host.EndsWith('.');
}
