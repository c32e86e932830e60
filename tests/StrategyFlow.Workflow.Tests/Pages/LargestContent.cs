using Microsoft.AspNetCore.Http;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Tests.Pages;

/// <summary>
/// The largest content the validator accepts, in the worst URL-encoding: every text at its maximum length
/// in characters of three UTF-8 bytes (nine bytes once percent-encoded), every list and reference list full.
/// </summary>
internal static class LargestContent
{
    /// <summary>What earlier stages approved, as many and as long as they may be.</summary>
    public static StrategyContext Context { get; } = new()
    {
        BusinessGoals = Names(StartStrategyValidator.MaxBusinessGoals, 0),
        ApprovedGoals = Names(Limits.ListItems, 100),
        ApprovedChannels = Names(Limits.ListItems, 200),
        ApprovedActivities = Names(Limits.ListItems, 300),
    };

    /// <summary>
    /// <paramref name="length"/> characters of € and –, three UTF-8 bytes each. The seed is spelt in binary
    /// (– for a one), so that names differ without any cheaper character.
    /// </summary>
    public static string Text(int length, int seed = 0) =>
        string.Create(length, seed, static (chars, seed) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = i < 31 && ((seed >> i) & 1) == 1 ? '–' : '€';
            }
        });

    /// <summary>The largest valid answer to <paramref name="stage"/> within <paramref name="context"/>.</summary>
    public static StageAnswer Answer(StageKey stage, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = Enumerable.Range(0, Limits.ListItems).ToList();
        var shortText = Text(Limits.ShortText);
        var mediumText = Text(Limits.MediumText);
        var answer = StageAnswer.Empty(stage) with
        {
            Responses = [.. InnerCycle.Get(stage).Questions.Select(_ => Text(Limits.LongText))],
        };
        var audiences = rows.Select(i => Text(Limits.ShortText, 1000 + i)).ToList();
        return stage switch
        {
            StageKey.Goals => answer with
            {
                Goals = [.. rows.Select(i => new Goal(Text(Limits.ShortText, 1000 + i), context.BusinessGoals[i % context.BusinessGoals.Count], shortText, shortText))],
            },
            StageKey.Audiences => answer with
            {
                Audiences = [.. audiences.Select(name => new Audience(name, mediumText, AudiencePriority.Medium))],
                Channels = [.. rows.Select(i => new Channel(Text(Limits.ShortText, 2000 + i), audiences.Take(Limits.References).ToList(), mediumText))],
            },
            StageKey.Activities => answer with
            {
                Activities =
                [
                    .. rows.Select(i => new Activity(
                        Text(Limits.ShortText, 1000 + i), mediumText, context.ApprovedGoals.Take(Limits.References).ToList(),
                        context.ApprovedChannels.Take(Limits.References).ToList(), shortText, shortText, shortText)),
                ],
            },
            _ => answer with
            {
                OverallOwner = new Person(shortText, LongestEmail),
                ChannelOwners = [.. context.ApprovedChannels.Select(channel => new ChannelOwner(channel, shortText))],
                ActivityOwners = [.. context.ApprovedActivities.Select(activity => new ActivityOwner(activity, shortText))],
                Participants = [.. rows.Select(i => new Participant(Text(Limits.ShortText, 1000 + i), mediumText))],
            },
        };
    }

    /// <summary>A valid address of <see cref="Limits.Email"/> characters (64 before the @, labels of at most 63).</summary>
    public static string LongestEmail { get; } =
        $"{new string('o', 64)}@{new string('a', 63)}.{new string('b', 63)}.{new string('c', Limits.Email - 64 - 1 - 63 - 1 - 63 - 1)}";

    /// <summary>A posted form as the browser encodes it (application/x-www-form-urlencoded, UTF-8).</summary>
    public static byte[] Encode(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        using var content = new FormUrlEncodedContent(Pairs(form));
        return content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
    }

    public static IEnumerable<KeyValuePair<string, string>> Pairs(IFormCollection form) =>
        form.SelectMany(field => field.Value.Select(value => KeyValuePair.Create(field.Key, value ?? string.Empty)));

    private static List<string> Names(int count, int firstSeed) =>
        [.. Enumerable.Range(firstSeed, count).Select(seed => Text(Limits.ShortText, seed))];
}
