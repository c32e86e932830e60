using CsCheck;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Consolidation;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Tests.Support;

/// <summary>CsCheck generators of stage answers.</summary>
internal static class AnswerGenerators
{
    // A small vocabulary, with spellings that normalise alike, so that items match and values conflict often.
    private static readonly string[] Titles =
        ["LinkedIn", "linkedin", " LinkedIn ", "Instagram", "TikTok", "tik  tok", "Blog", "Ääni", "ÄÄNI", "ﬁnance", "finance"];

    private static readonly string[] Values = ["", " ", "Sanna", "sanna", "Pekka", "Leads", "leads ", "Monthly", "Hyvä 👍"];

    private static readonly string[] ContributorPool =
        ["anna@acme.example", "Bert@acme.example", "cecilia@acme.example", "dan@acme.example", "Eve@acme.example"];

    /// <summary>What the generated answers may refer to: part of the vocabulary, so references are sometimes unknown.</summary>
    public static StrategyContext Context { get; } = new()
    {
        BusinessGoals = AnswerSamples.Context.BusinessGoals,
        ApprovedGoals = ["LinkedIn", "Blog", "finance"],
        ApprovedChannels = ["LinkedIn", "TikTok", "Ääni"],
        ApprovedActivities = ["Instagram", "Blog"],
    };

    private static readonly Gen<string> Title = Gen.OneOf(Titles);
    private static readonly Gen<string> Value = Gen.OneOf(Values);
    private static readonly Gen<string[]> References = Title.Array[0, 3];

    private static readonly Gen<Goal> Goal = Gen.Select(Title, Gen.OneOf(AnswerSamples.Context.BusinessGoals.Concat(Values).ToArray()), Value, Value,
        (title, businessGoal, metric, target) => new Goal(title, businessGoal, metric, target));

    private static readonly Gen<Audience> Audience = Gen.Select(Title, Value, Gen.Enum<AudiencePriority>(),
        (name, description, priority) => new Audience(name, description, priority));

    private static readonly Gen<Channel> Channel = Gen.Select(Title, References, Value,
        (name, audiences, purpose) => new Channel(name, audiences, purpose));

    private static readonly Gen<Activity> Activity = Gen.Select(Title, Value, References, References, Value, Value, Value,
        (title, description, goals, channels, cadence, metric, review) => new Activity(title, description, goals, channels, cadence, metric, review));

    private static readonly Gen<Person?> Person = Gen.Select(Value, Gen.OneOf("olli@acme.example", "OLLI@acme.example", "aino@acme.example", ""),
        (name, email) => new Person(name, email)).Null(0.3);

    private static readonly Gen<ChannelOwner> ChannelOwner = Gen.Select(Title, Value, (channel, owner) => new ChannelOwner(channel, owner));

    private static readonly Gen<ActivityOwner> ActivityOwner = Gen.Select(Title, Value, (activity, owner) => new ActivityOwner(activity, owner));

    private static readonly Gen<Participant> Participant = Gen.Select(Value, Value, (who, role) => new Participant(who, role));

    /// <summary>A well-typed answer to the stage; only the stage's own lists are filled.</summary>
    public static Gen<StageAnswer> Answer(StageKey stage) => stage switch
    {
        StageKey.Goals => Gen.Select(Value.Array[0, 3], Goal.Array[0, 4],
            (responses, goals) => new StageAnswer { Stage = stage, Responses = responses, Goals = goals }),
        StageKey.Audiences => Gen.Select(Value.Array[0, 4], Audience.Array[0, 4], Channel.Array[0, 4],
            (responses, audiences, channels) => new StageAnswer { Stage = stage, Responses = responses, Audiences = audiences, Channels = channels }),
        StageKey.Activities => Gen.Select(Value.Array[0, 3], Activity.Array[0, 4],
            (responses, activities) => new StageAnswer { Stage = stage, Responses = responses, Activities = activities }),
        _ => Gen.Select(Value.Array[0, 4], Person, ChannelOwner.Array[0, 4], ActivityOwner.Array[0, 4], Participant.Array[0, 3],
            Ownership),
    };

    private static StageAnswer Ownership(
        string[] responses, Person? owner, ChannelOwner[] channelOwners, ActivityOwner[] activityOwners, Participant[] participants) => new()
    {
        Stage = StageKey.Ownership,
        Responses = responses,
        OverallOwner = owner,
        ChannelOwners = channelOwners,
        ActivityOwners = activityOwners,
        Participants = participants,
    };

    /// <summary>A stage and the well-typed answers of a random subset of distinct contributors.</summary>
    public static Gen<(StageKey Stage, ContributedAnswer[] Answers)> Contributions { get; } = ContributionsOf(Answer);

    /// <summary>Like <see cref="Contributions"/>, but every answer passes validation against <see cref="Context"/>.</summary>
    public static Gen<(StageKey Stage, ContributedAnswer[] Answers)> ValidContributions { get; } = ContributionsOf(ValidAnswer);

    private static Gen<(StageKey Stage, ContributedAnswer[] Answers)> ContributionsOf(Func<StageKey, Gen<StageAnswer>> answer) =>
        Gen.OneOf(StageKeys.InOrder.ToArray()).SelectMany(stage =>
            Gen.Bool.Array[ContributorPool.Length].SelectMany(chosen =>
            {
                var contributors = ContributorPool.Where((_, i) => chosen[i]).ToArray();
                return answer(stage).Array[contributors.Length].Select(answers =>
                    (stage, contributors.Zip(answers, (c, a) => new ContributedAnswer(c, a)).ToArray()));
            }));

    private static readonly string[] Names = ["LinkedIn", "TikTok", "Blog", "Ääni", "finance", "Instagram"];

    private static readonly Gen<string> NonBlank = Gen.OneOf("Sanna", "sanna", "Pekka", "Marketing");

    /// <summary>Some of the names, each once, each in one of the spellings that normalise alike.</summary>
    private static Gen<string[]> Some(IReadOnlyList<string> names) =>
        Gen.Select(Gen.Bool.Array[names.Count], Gen.Int[0, 2].Array[names.Count], (chosen, spelling) =>
            names.Select((name, i) => (name, i)).Where(n => chosen[n.i])
                .Select(n => new[] { n.name, n.name.ToUpperInvariant(), $" {n.name.ToLowerInvariant()} " }[spelling[n.i]])
                .ToArray());

    /// <summary>One item per key, the rest of each item from <paramref name="rest"/>.</summary>
    private static Gen<TItem[]> Items<TRest, TItem>(Gen<string[]> keys, Gen<TRest> rest, Func<string, TRest, TItem> build) =>
        keys.SelectMany(k => rest.Array[k.Length].Select(parts => k.Zip(parts, build).ToArray()));

    /// <summary>An answer to the stage that passes validation against <see cref="Context"/>.</summary>
    public static Gen<StageAnswer> ValidAnswer(StageKey stage)
    {
        var responses = Value.Array[InnerCycle.Get(stage).Questions.Count];
        return stage switch
        {
            StageKey.Goals => Gen.Select(responses,
                Items(Some(Names), Gen.Select(Gen.OneOf(["", .. Context.BusinessGoals]), Value, Value), (t, r) => new Goal(t, r.Item1, r.Item2, r.Item3)),
                (texts, goals) => new StageAnswer { Stage = stage, Responses = texts, Goals = goals }),
            StageKey.Audiences => Gen.Select(responses,
                Items(Some(Names), Gen.Select(Value, Gen.Enum<AudiencePriority>()), (n, r) => new Audience(n, r.Item1, r.Item2)))
                .SelectMany((texts, audiences) =>
                    Items(Some(Names), Gen.Select(Some([.. audiences.Select(a => a.Name.Trim())]), Value), (n, r) => new Channel(n, r.Item1, r.Item2))
                        .Select(channels => new StageAnswer { Stage = stage, Responses = texts, Audiences = audiences, Channels = channels })),
            StageKey.Activities => Gen.Select(responses,
                Items(Some(Names), Gen.Select(Value, Some(Context.ApprovedGoals), Some(Context.ApprovedChannels), Value, Value, Value),
                    (t, r) => new Activity(t, r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, r.Item6)),
                (texts, activities) => new StageAnswer { Stage = stage, Responses = texts, Activities = activities }),
            _ => Gen.Select(responses, Person,
                Items(Some(Context.ApprovedChannels), NonBlank, (c, o) => new ChannelOwner(c, o)),
                Items(Some(Context.ApprovedActivities), NonBlank, (a, o) => new ActivityOwner(a, o)),
                Items(Some(Names), NonBlank, (w, r) => new Participant(w, r)),
                Ownership),
        };
    }

    // Anything JSON could deliver: nulls, control characters, broken surrogates, over-long text.
    private static readonly Gen<string> AnyText = Gen.Frequency(
        (4, Title),
        (2, Gen.String),
        (1, Gen.Char.Array[0, 300].Select(chars => new string(chars))),
        (1, Gen.Const(new string('x', Limits.LongText + 1))),
        (1, Gen.OneOf("Lone \ud800", "\udc00 first", "Bell\u0007", "Tab\tand\r\nbreak")),
        (1, Gen.Const((string)null!)));

    private static Gen<T[]> AnyList<T>(Gen<T> item) where T : class => item.Null(0.1).Array[0, 3].Select(a => a!).Null(0.1)!;

    private static readonly Gen<string[]> AnyReferences = AnyList(AnyText);

    /// <summary>Any answer at all, including undefined stages and enum values and nulls where the model says never.</summary>
    public static Gen<StageAnswer> AnyAnswer { get; } = Gen.Select(
        Gen.Int[0, 5],
        AnyList(AnyText),
        AnyList(Gen.Select(AnyText, AnyText, AnyText, AnyText, (a, b, c, d) => new Goal(a, b, c, d))),
        AnyList(Gen.Select(AnyText, AnyText, Gen.Int[-1, 3], (a, b, p) => new Audience(a, b, (AudiencePriority)p))),
        AnyList(Gen.Select(AnyText, AnyReferences, AnyText, (a, r, b) => new Channel(a, r, b))),
        AnyList(Gen.Select(AnyText, AnyText, AnyReferences, AnyReferences, AnyText, AnyText, AnyText,
            (title, description, goals, channels, cadence, metric, review) => new Activity(title, description, goals, channels, cadence, metric, review))),
        Gen.Select(AnyText, AnyText, (n, e) => new Person(n, e)).Null(0.5),
        AnyList(Gen.Select(AnyText, AnyText, (c, o) => new ChannelOwner(c, o))),
        AnyList(Gen.Select(AnyText, AnyText, (a, o) => new ActivityOwner(a, o))),
        AnyList(Gen.Select(AnyText, AnyText, (w, r) => new Participant(w, r))),
        (stage, responses, goals, audiences, channels, activities, owner, channelOwners, activityOwners, participants) => new StageAnswer
        {
            Stage = (StageKey)stage,
            Responses = responses,
            Goals = goals,
            Audiences = audiences,
            Channels = channels,
            Activities = activities,
            OverallOwner = owner,
            ChannelOwners = channelOwners,
            ActivityOwners = activityOwners,
            Participants = participants,
        });

    public static Gen<StrategyContext> AnyContext { get; } = Gen.Select(AnyReferences, AnyReferences, AnyReferences, AnyReferences,
        (business, goals, channels, activities) => new StrategyContext
        {
            BusinessGoals = business,
            ApprovedGoals = goals,
            ApprovedChannels = channels,
            ApprovedActivities = activities,
        });
}
