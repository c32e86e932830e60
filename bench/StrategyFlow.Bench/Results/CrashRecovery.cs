namespace StrategyFlow.Bench.Results;

/// <summary>A piece of durable work: a message from made to handled, or an activity from scheduled to done.</summary>
public sealed record WorkSpan(DateTimeOffset Start, DateTimeOffset Done);

/// <summary>
/// What a kill -9 of the host during the run cost. Progress is any mail sent (the mailbox's <c>sentAt</c>) or
/// orchestration episode committed (the history table's <c>OrchestratorStarted</c> rows); nothing can
/// progress while the host is down, so the first progress after the kill is the resume.
/// </summary>
/// <param name="KilledAtSeconds">Since the run's start.</param>
/// <param name="RestartSeconds">From the kill until the restarted host's ops API answered (its durable runtime up).</param>
/// <param name="InFlightAtKill">Strategies started and not ended at the kill.</param>
/// <param name="FirstProgressAfterKillSeconds">From the kill to the first mail or episode after it; null when none came.</param>
/// <param name="LongestGapAfterKillSeconds">The longest stretch without progress from the kill to the last progress of the run (includes the one above).</param>
/// <param name="LongestGapBeforeKillSeconds">The same before the kill, from the first progress: what a gap looks like at this load without a crash.</param>
/// <param name="InFlightWorkAtKill">
/// Milliseconds from the kill until each message or activity that was in flight at it (made or scheduled
/// before, handled or done after) was done: what the dead host held comes back after its queue visibility
/// timeout. Includes what merely waited in a queue, so under saturation it measures the backlog too.
/// </param>
/// <param name="StartsCaught">Milliseconds from the kill until each start request it caught was finally taken.</param>
/// <param name="WaitingForMailAtKill">
/// Milliseconds from the kill to the mail of every person who was waiting for one at the kill and got it after:
/// includes the work queued ahead of it, so under saturation it measures the backlog, not only the resume.
/// </param>
public sealed record CrashRecovery(
    double KilledAtSeconds, double RestartSeconds, int InFlightAtKill,
    double? FirstProgressAfterKillSeconds, double? LongestGapAfterKillSeconds, double? LongestGapBeforeKillSeconds,
    Percentiles InFlightWorkAtKill, Percentiles StartsCaught, Percentiles WaitingForMailAtKill)
{
    /// <summary>
    /// In-flight work resumed within the target: progress came back, nothing stalled as long after, every
    /// message and activity in flight at the kill was done within it, and so was every start it caught.
    /// </summary>
    public bool ResumedInTime => LongestGapAfterKillSeconds is { } gap && gap <= Targets.Resume.TotalSeconds
        && Within(InFlightWorkAtKill) && Within(StartsCaught);

    private static bool Within(Percentiles waits) => waits.Count == 0 || waits.Max <= Targets.Resume.TotalMilliseconds;

    public static CrashRecovery Analyze(
        DateTimeOffset runStart, DateTimeOffset killedAt, DateTimeOffset readyAt, int inFlightAtKill,
        IEnumerable<DateTimeOffset> progress, IEnumerable<WorkSpan> work, IEnumerable<DateTimeOffset> startsTakenAfterRetry, IEnumerable<MailWait> mailWaits)
    {
        ArgumentNullException.ThrowIfNull(startsTakenAfterRetry);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(mailWaits);
        var events = progress.Order().ToList();
        var after = events.Where(e => e > killedAt).ToList();
        var before = events.Where(e => e <= killedAt).ToList();
        var caught = work.Where(w => w.Start <= killedAt && w.Done > killedAt).Select(w => (w.Done - killedAt).TotalMilliseconds);
        var waiting = mailWaits.Where(w => w.Since <= killedAt && w.SentAt > killedAt).Select(w => (w.SentAt - killedAt).TotalMilliseconds);
        return new(
            Seconds(killedAt - runStart),
            Seconds(readyAt - killedAt),
            inFlightAtKill,
            after.Count > 0 ? Seconds(after[0] - killedAt) : null,
            after.Count > 0 ? Seconds(LongestGap([killedAt, .. after])) : null,
            before.Count > 1 ? Seconds(LongestGap(before)) : null,
            Percentiles.Of(caught),
            Percentiles.Of(startsTakenAfterRetry.Where(t => t > killedAt).Select(t => (t - killedAt).TotalMilliseconds)),
            Percentiles.Of(waiting));
    }

    /// <summary>The longest time between consecutive moments (sorted).</summary>
    private static TimeSpan LongestGap(IReadOnlyList<DateTimeOffset> sorted) =>
        sorted.Zip(sorted.Skip(1), (a, b) => b - a).DefaultIfEmpty(TimeSpan.Zero).Max();

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 1);
}
