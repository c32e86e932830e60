using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Consolidation;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;
using StrategyFlow.Core.Serialization;

namespace StrategyFlow.Workflow.Storage;

/// <summary>What the approver reviews: frozen when the round closes, so the page and the approval agree.</summary>
public sealed record ReviewBundle(
    StageKey Stage,
    int Round,
    IReadOnlyList<ContributedAnswer> Answers,
    IReadOnlyList<string> NotAnswered,
    ConsolidatedDraft Consolidated,
    IReadOnlyList<Finding> Findings);

/// <summary>
/// One attempt to start a strategy id: the claims of an id are numbered, and each number can be written
/// once, by one request. <see cref="Released"/> marks an attempt that failed and frees the id.
/// </summary>
public sealed record StartClaim(int Number, string Claimant, DateTimeOffset ClaimedAt, bool Released = false)
{
    /// <summary>The claim's holder started the run: the id is taken for good, even after the run is purged.</summary>
    public bool Started { get; init; }
}

/// <summary>
/// Where StrategyFlow keeps things, by name. Submissions (answers, drafts, review bundles, the mail
/// ledger, start claims) live under <c>submissions/{id}/…</c>; the archive under <c>strategies/{id}/…</c> (docs/design.md §8).
/// Answers and drafts are content-addressed, so a retried submission writes the same blob.
/// </summary>
public sealed class StrategyRepository(IBlobStore blobs)
{
    private const string Json = "application/json";

    // ---- Answers and drafts ---------------------------------------------------------------

    /// <summary>Stores a stakeholder's answer; returns its SHA-256, the reference the event carries.</summary>
    public Task<string> SaveAnswerAsync(string strategyId, StageKey stage, int round, string participant, StageAnswer answer, CancellationToken cancellationToken = default) =>
        SaveContentAsync(SubmissionPrefix("answers", strategyId, stage, round, participant), answer, cancellationToken);

    public Task<StageAnswer?> GetAnswerAsync(string strategyId, StageKey stage, int round, string participant, string sha256, CancellationToken cancellationToken = default) =>
        ReadAsync<StageAnswer>(Containers.Submissions, $"{SubmissionPrefix("answers", strategyId, stage, round, participant)}{sha256}.json", cancellationToken);

    /// <summary>The participant's answer of this round whose content hash starts with <paramref name="sha256Prefix"/> (the one the workflow counted).</summary>
    public async Task<StageAnswer?> GetAnswerByHashAsync(
        string strategyId, StageKey stage, int round, string participant, string sha256Prefix, CancellationToken cancellationToken = default)
    {
        var entries = await blobs.ListAsync(Containers.Submissions, SubmissionPrefix("answers", strategyId, stage, round, participant), cancellationToken);
        var match = entries.FirstOrDefault(e => e.Name[(e.Name.LastIndexOf('/') + 1)..].StartsWith(sha256Prefix, StringComparison.Ordinal));
        return match is null ? null : await ReadAsync<StageAnswer>(Containers.Submissions, match.Name, cancellationToken);
    }

    /// <summary>Stores the draft an approver decided on; returns its SHA-256.</summary>
    public Task<string> SaveDraftAsync(string strategyId, StageKey stage, int round, string approver, StageAnswer draft, CancellationToken cancellationToken = default) =>
        SaveContentAsync(SubmissionPrefix("drafts", strategyId, stage, round, approver), draft, cancellationToken);

    public Task<StageAnswer?> GetDraftAsync(string strategyId, StageKey stage, int round, string sha256, CancellationToken cancellationToken = default) =>
        FindBySha(SubmissionPrefix("drafts", strategyId, stage, round, participant: null), sha256, cancellationToken);

    // ---- Review bundles -------------------------------------------------------------------

    public Task<bool> SaveReviewAsync(string strategyId, ReviewBundle review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        return WriteJsonOnceAsync(Containers.Submissions, ReviewName(strategyId, review.Stage, review.Round), review, cancellationToken);
    }

    public Task<ReviewBundle?> GetReviewAsync(string strategyId, StageKey stage, int round, CancellationToken cancellationToken = default) =>
        ReadAsync<ReviewBundle>(Containers.Submissions, ReviewName(strategyId, stage, round), cancellationToken);

    // ---- Mail ledger ----------------------------------------------------------------------

    /// <summary>Which of these message keys were already sent: one listing per batch folder, not one read per mail.</summary>
    public async Task<IReadOnlySet<string>> SentMailAsync(string strategyId, IEnumerable<string> messageKeys, CancellationToken cancellationToken = default)
    {
        var sent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in messageKeys.GroupBy(key => MailFolder(strategyId, key), StringComparer.Ordinal))
        {
            var names = (await blobs.ListAsync(Containers.Submissions, batch.Key, cancellationToken)).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
            sent.UnionWith(batch.Where(key => names.Contains(MailName(strategyId, key))));
        }

        return sent;
    }

    public Task MarkMailSentAsync(string strategyId, string messageKey, CancellationToken cancellationToken = default) =>
        blobs.WriteOnceAsync(Containers.Submissions, MailName(strategyId, messageKey), BinaryData.FromString(messageKey), "text/plain", cancellationToken);

    // ---- Fresh links ----------------------------------------------------------------------

    /// <summary>
    /// Takes the next slot for mailing one participant of one round a fresh link, unless the last one was taken
    /// less than <paramref name="interval"/> before <paramref name="now"/>: its number, or null. Slots are
    /// write-once blobs numbered in order, so of two requests at the same moment only one gets a slot, and
    /// the limit holds across restarts and hosts.
    /// </summary>
    public async Task<int?> TakeFreshLinkSlotAsync(
        string strategyId, StageKey stage, int round, LinkRole role, string participant, DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken = default)
    {
        var folder = $"{strategyId}/fresh-links/{stage.Number()}/{round}/{role}-{Pseudonym(participant)}/";
        var taken = (await blobs.ListAsync(Containers.Submissions, folder, cancellationToken)).Count;
        if (taken > 0 && await blobs.ReadAsync(Containers.Submissions, $"{folder}{taken - 1}", cancellationToken) is { } last
            && now - DateTimeOffset.Parse(last.ToString().Split(' ')[0], CultureInfo.InvariantCulture) < interval)
        {
            return null;
        }

        // The time, and something of this request only: a concurrent request writing the same slot must fail.
        var slot = BinaryData.FromString($"{now.ToString("O", CultureInfo.InvariantCulture)} {Guid.NewGuid():n}");
        return await blobs.WriteOnceAsync(Containers.Submissions, $"{folder}{taken}", slot, "text/plain", cancellationToken) ? taken : null;
    }

    // ---- Start claims ---------------------------------------------------------------------

    /// <summary>
    /// Writes the claim unless its number is taken (<c>If-None-Match: *</c>): true for exactly one caller
    /// per number, since every claim's content is unique.
    /// </summary>
    public Task<bool> TryClaimStartAsync(string strategyId, StartClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return WriteJsonOnceAsync(Containers.Submissions, $"{StartClaimPrefix(strategyId)}{claim.Number:D6}.json", claim, cancellationToken);
    }

    /// <summary>The newest claim on the id, or null when nobody ever claimed it.</summary>
    public async Task<StartClaim?> LatestStartClaimAsync(string strategyId, CancellationToken cancellationToken = default)
    {
        var entries = await blobs.ListAsync(Containers.Submissions, StartClaimPrefix(strategyId), cancellationToken);
        var newest = entries.Select(e => e.Name).Order(StringComparer.Ordinal).LastOrDefault();
        return newest is null ? null : await ReadAsync<StartClaim>(Containers.Submissions, newest, cancellationToken);
    }

    // ---- What happened when ---------------------------------------------------------------

    /// <summary>Every mail the ledger holds: its message key and when it was recorded as sent (one read per mail).</summary>
    public async Task<IReadOnlyList<(string MessageKey, DateTimeOffset SentAt)>> SentMailLogAsync(string strategyId, CancellationToken cancellationToken = default)
    {
        var entries = await blobs.ListAsync(Containers.Submissions, $"{strategyId}/mail/", cancellationToken);
        var sent = new (string, DateTimeOffset)[entries.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, entries.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, token) => sent[i] = ((await blobs.ReadAsync(Containers.Submissions, entries[i].Name, token))?.ToString() ?? "", entries[i].CreatedOn));
        return sent;
    }

    /// <summary>
    /// The stored answers (<paramref name="kind"/> <c>answers</c>) or approved drafts (<c>drafts</c>): stage, round,
    /// whose (<see cref="Pseudonym"/> of the email) and when, from the blob names alone.
    /// </summary>
    public async Task<IReadOnlyList<(StageKey Stage, int Round, string Pseudonym, DateTimeOffset At)>> SubmittedAsync(
        string strategyId, string kind, CancellationToken cancellationToken = default)
    {
        var entries = await blobs.ListAsync(Containers.Submissions, $"{strategyId}/{kind}/", cancellationToken);
        return [.. entries
            .Select(e => (Parts: e.Name[(strategyId.Length + kind.Length + 2)..].Split('/'), e.CreatedOn))
            .Where(e => e.Parts.Length == 4 && StageNumber(e.Parts[0]) is not null && int.TryParse(e.Parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(e => (StageNumber(e.Parts[0])!.Value, int.Parse(e.Parts[1], CultureInfo.InvariantCulture), e.Parts[2], e.CreatedOn))];
    }

    /// <summary>When each round's review was frozen.</summary>
    public async Task<IReadOnlyList<(StageKey Stage, int Round, DateTimeOffset At)>> ReviewsFrozenAsync(string strategyId, CancellationToken cancellationToken = default)
    {
        var entries = await blobs.ListAsync(Containers.Submissions, $"{strategyId}/reviews/", cancellationToken);
        return [.. entries
            .Select(e => (Parts: e.Name[(strategyId.Length + "/reviews/".Length)..].Replace(".json", "", StringComparison.Ordinal).Split('/'), e.CreatedOn))
            .Where(e => e.Parts.Length == 2 && StageNumber(e.Parts[0]) is not null && int.TryParse(e.Parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(e => (StageNumber(e.Parts[0])!.Value, int.Parse(e.Parts[1], CultureInfo.InvariantCulture), e.CreatedOn))];
    }

    /// <summary>The archive's blobs of the strategy (stage snapshots and documents), with when each was written.</summary>
    public Task<IReadOnlyList<BlobEntry>> ArchivedAsync(string strategyId, CancellationToken cancellationToken = default) =>
        blobs.ListAsync(Containers.Archive, $"{strategyId}/", cancellationToken);

    // ---- Reader access ------------------------------------------------------------------

    /// <summary>
    /// Ends reader access to this run of the strategy for good: its reader links stop working. Write-once, so a second
    /// revocation keeps the first one's time; true when this call revoked it.
    /// </summary>
    public async Task<bool> RevokeReaderAccessAsync(string strategyId, string run, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var name = ReaderAccessName(strategyId, run);
        if (await blobs.ExistsAsync(Containers.Submissions, name, cancellationToken))
        {
            return false;
        }

        await blobs.WriteOnceAsync(Containers.Submissions, name, BinaryData.FromString(at.ToString("O", CultureInfo.InvariantCulture)), "text/plain", cancellationToken);
        return true;
    }

    public Task<bool> ReaderAccessRevokedAsync(string strategyId, string run, CancellationToken cancellationToken = default) =>
        blobs.ExistsAsync(Containers.Submissions, ReaderAccessName(strategyId, run), cancellationToken);

    private static string ReaderAccessName(string strategyId, string run) => $"{strategyId}/reader-access-revoked/{Hash(run)[..16]}";

    private static StageKey? StageNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && StageKeys.TryFromNumber(number, out var stage) ? stage : null;

    // ---- Archive --------------------------------------------------------------------------

    public static string StageSnapshotName(string strategyId, StageKey stage) => $"{strategyId}/stages/{stage.Number()}-{stage.Slug()}.json";

    public static string DocumentName(string strategyId, DocumentFormat format) => $"{strategyId}/{DocumentRenderer.FileName(format)}";

    /// <summary>Writes the approved stage once; false when a different approval is already archived.</summary>
    public Task<bool> ArchiveStageAsync(string strategyId, ApprovedStage stage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return WriteJsonOnceAsync(Containers.Archive, StageSnapshotName(strategyId, stage.Stage), stage, cancellationToken);
    }

    public Task<ApprovedStage?> GetArchivedStageAsync(string strategyId, StageKey stage, CancellationToken cancellationToken = default) =>
        ReadAsync<ApprovedStage>(Containers.Archive, StageSnapshotName(strategyId, stage), cancellationToken);

    public Task<bool> ArchiveDocumentAsync(string name, string content, string contentType, CancellationToken cancellationToken = default) =>
        blobs.WriteOnceAsync(Containers.Archive, name, BinaryData.FromString(content), contentType, cancellationToken);

    public Task<BinaryData?> ReadArchiveAsync(string name, CancellationToken cancellationToken = default) =>
        blobs.ReadAsync(Containers.Archive, name, cancellationToken);

    // ---- Plumbing -------------------------------------------------------------------------

    private async Task<string> SaveContentAsync<T>(string prefix, T content, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(content, CoreJson.Options);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await blobs.WriteOnceAsync(Containers.Submissions, $"{prefix}{sha}.json", new BinaryData(bytes), Json, cancellationToken);
        return sha;
    }

    private async Task<StageAnswer?> FindBySha(string prefix, string sha256, CancellationToken cancellationToken)
    {
        var entries = await blobs.ListAsync(Containers.Submissions, prefix, cancellationToken);
        var match = entries.FirstOrDefault(e => e.Name.EndsWith($"/{sha256}.json", StringComparison.Ordinal));
        return match is null ? null : await ReadAsync<StageAnswer>(Containers.Submissions, match.Name, cancellationToken);
    }

    private Task<bool> WriteJsonOnceAsync<T>(string container, string name, T value, CancellationToken cancellationToken) =>
        blobs.WriteOnceAsync(container, name, new BinaryData(JsonSerializer.SerializeToUtf8Bytes(value, CoreJson.Options)), Json, cancellationToken);

    private async Task<T?> ReadAsync<T>(string container, string name, CancellationToken cancellationToken)
        where T : class
    {
        var content = await blobs.ReadAsync(container, name, cancellationToken);
        return content is null ? null : content.ToObjectFromJson<T>(CoreJson.Options);
    }

    private static string SubmissionPrefix(string kind, string strategyId, StageKey stage, int round, string? participant) =>
        participant is null
            ? $"{strategyId}/{kind}/{stage.Number()}/{round}/"
            : $"{strategyId}/{kind}/{stage.Number()}/{round}/{Pseudonym(participant)}/";

    private static string StartClaimPrefix(string strategyId) => $"{strategyId}/starts/";

    private static string ReviewName(string strategyId, StageKey stage, int round) => $"{strategyId}/reviews/{stage.Number()}/{round}.json";

    /// <summary>A batch's mails share a key up to the recipient (<see cref="Mail.MailOrder.Key"/>), so they share a folder the sender lists once.</summary>
    private static string MailFolder(string strategyId, string messageKey)
    {
        var recipient = messageKey.LastIndexOf('/');
        return $"{strategyId}/mail/{Hash(recipient < 0 ? "" : messageKey[..recipient])[..16]}/";
    }

    private static string MailName(string strategyId, string messageKey) => $"{MailFolder(strategyId, messageKey)}{Hash(messageKey)}";

    /// <summary>Emails stay out of blob names: a short hash names the participant's folder.</summary>
    public static string Pseudonym(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Hash(email.ToLowerInvariant())[..16];
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
