using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Links;

public enum LinkRole
{
    Stakeholder,
    Approver,
}

/// <summary>What a link grants: one participant, in one role, on one round of one stage, until it expires.</summary>
public sealed record LinkClaims(
    string StrategyId,
    StageKey Stage,
    int Round,
    string Participant,
    LinkRole Role,
    DateTimeOffset ExpiresAt);

/// <summary>Signing keys: the current one signs; it and the previous ones verify (rotation).</summary>
public sealed record LinkSigningKeys(byte[] Current, IReadOnlyList<byte[]> Previous);

public enum LinkTokenStatus
{
    Valid,
    Malformed,
    UnsupportedVersion,
    BadSignature,
    Expired,
}

public sealed record LinkVerification(LinkTokenStatus Status, LinkClaims? Claims)
{
    public bool IsValid => Status == LinkTokenStatus.Valid;
}

/// <summary>Creates and verifies signed, URL-safe link tokens (HMAC-SHA256).</summary>
public sealed class LinkTokens(LinkSigningKeys keys, TimeProvider time)
{
    public string Create(LinkClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        _ = keys;
        throw new NotImplementedException("Being written: issue 2.");
    }

    public LinkVerification Verify(string? token)
    {
        _ = time;
        _ = token;
        throw new NotImplementedException("Being written: issue 2.");
    }
}
