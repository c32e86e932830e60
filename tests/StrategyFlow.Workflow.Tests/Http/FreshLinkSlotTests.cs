using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Storage;
using StrategyFlow.Workflow.Tests.Fakes;

namespace StrategyFlow.Workflow.Tests.Http;

/// <summary>The durable limit on fresh links: one per participant and round per interval, at times the test chooses.</summary>
public sealed class FreshLinkSlotTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    private readonly InMemoryBlobStore _blobs = new();

    private Task<int?> TakeAsync(DateTimeOffset at, string participant = "sanna@acme.example", int round = 1) =>
        new StrategyRepository(_blobs).TakeFreshLinkSlotAsync("acme-2027", StageKey.Goals, round, LinkRole.Stakeholder, participant, at, Interval);

    [Fact]
    public async Task TakeFreshLinkSlot_AgainWithinTheInterval_IsRefusedAndAfterItGranted()
    {
        Assert.Equal(0, await TakeAsync(Now));
        Assert.Null(await TakeAsync(Now + Interval - TimeSpan.FromSeconds(1)));
        Assert.Equal(1, await TakeAsync(Now + Interval));
        Assert.Null(await TakeAsync(Now + Interval + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task TakeFreshLinkSlot_AnotherParticipantOrRound_HasALimitOfItsOwn()
    {
        Assert.Equal(0, await TakeAsync(Now));

        Assert.Equal(0, await TakeAsync(Now, participant: "aino@acme.example"));
        Assert.Equal(0, await TakeAsync(Now, round: 2));
    }

    [Fact]
    public async Task TakeFreshLinkSlot_Slots_NameNoEmail()
    {
        await TakeAsync(Now);

        Assert.DoesNotContain(_blobs.Names(Containers.Submissions), n => n.Contains("sanna", StringComparison.Ordinal));
    }
}
