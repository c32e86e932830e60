using System.Globalization;
using System.Text.Json.Serialization;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Consolidation;

/// <summary>One stakeholder's answer, with who gave it (their email).</summary>
public sealed record ContributedAnswer(string Contributor, StageAnswer Answer);

/// <summary>
/// Several stakeholders' answers merged into one draft the approver edits: list items matched by
/// normalised title with their contributors, free-text answers kept per contributor, conflicts listed.
/// </summary>
public sealed record ConsolidatedDraft(
    StageKey Stage,
    StageAnswer Draft,
    IReadOnlyList<ItemContributors> Items,
    IReadOnlyList<ContributorResponses> Responses,
    IReadOnlyList<Conflict> Conflicts);

/// <summary>Who proposed one item. <paramref name="List"/> is the JSON list name (<c>goals</c>, <c>channelOwners</c>, ...).</summary>
public sealed record ItemContributors(string List, string Key, IReadOnlyList<string> Contributors);

public sealed record ContributorResponses(string Contributor, IReadOnlyList<string> Responses);

/// <summary>
/// Stakeholders gave different values for one field of one item. <see cref="Values"/> is ordered by
/// support, so the first value is the one the draft uses, unless the first values are equally supported
/// (<see cref="IsTie"/>): then the draft leaves the field empty for the approver to choose. For the overall
/// owner, <see cref="Key"/> is the chosen person (empty on a tie) and <see cref="Field"/> is <c>person</c>.
/// </summary>
public sealed record Conflict(string List, string Key, string Field, IReadOnlyList<ConflictingValue> Values)
{
    /// <summary>No value has more support than the next: the approver has to choose.</summary>
    [JsonIgnore]
    public bool IsTie => Values is [var first, var second, ..] && first.Contributors.OrEmpty().Count == second.Contributors.OrEmpty().Count;
}

public sealed record ConflictingValue(string Value, IReadOnlyList<string> Contributors);

/// <summary>
/// Merges the stakeholders' answers to one stage. The result depends only on the set of answers, never
/// on their order, and consolidating a draft on its own gives the same draft back. Every choice between
/// differing values goes to the value most contributors gave; when no value has more support than another,
/// the draft leaves the field empty and the conflict says it is a tie, for the approver to choose (an
/// audience's priority, which cannot be empty, takes the highest priority named). The spelling kept is the
/// one most of them used, ties to the ordinal-smallest.
/// </summary>
public static class Consolidator
{
    /// <summary>Separates the free-text answers of different contributors in the draft.</summary>
    public const string ResponseSeparator = "\n\n";

    /// <summary>The <see cref="Conflict.Field"/> of a conflict about the overall owner.</summary>
    public const string PersonField = "person";

    public static ConsolidatedDraft Consolidate(StageKey stage, IEnumerable<ContributedAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (!Enum.IsDefined(stage))
        {
            throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage.");
        }

        var inputs = InContributorOrder(stage, answers);
        var merger = new Merger(inputs);
        // Object initialisers run in source order: lists are merged, and reported, in AnswerLists.All order.
        var draft = stage switch
        {
            StageKey.Goals => new StageAnswer
            {
                Stage = stage,
                Goals = merger.List(AnswerLists.Goals, a => a.Goals, g => g.Title, item => new Goal(
                    item.Key,
                    item.Scalar("businessGoal", g => g.BusinessGoal),
                    item.Scalar("metric", g => g.Metric),
                    item.Scalar("target", g => g.Target))),
            },
            StageKey.Audiences => new StageAnswer
            {
                Stage = stage,
                Audiences = merger.List(AnswerLists.Audiences, a => a.Audiences, a => a.Name, item => new Audience(
                    item.Key,
                    item.Scalar("description", a => a.Description),
                    ParsePriority(item.Scalar("priority", a => PriorityName(a.Priority), HighestPriority)))),
                Channels = merger.List(AnswerLists.Channels, a => a.Channels, c => c.Name, item => new Channel(
                    item.Key,
                    item.Union(c => c.Audiences),
                    item.Scalar("purpose", c => c.Purpose))),
            },
            StageKey.Activities => new StageAnswer
            {
                Stage = stage,
                Activities = merger.List(AnswerLists.Activities, a => a.Activities, a => a.Title, item => new Activity(
                    item.Key,
                    item.Scalar("description", a => a.Description),
                    item.Union(a => a.Goals),
                    item.Union(a => a.Channels),
                    item.Scalar("cadence", a => a.Cadence),
                    item.Scalar("metric", a => a.Metric),
                    item.Scalar("reviewEvery", a => a.ReviewEvery))),
            },
            _ => new StageAnswer
            {
                Stage = stage,
                OverallOwner = merger.OverallOwner(),
                ChannelOwners = merger.List(AnswerLists.ChannelOwners, a => a.ChannelOwners, o => o.Channel, item =>
                    new ChannelOwner(item.Key, item.Scalar("owner", o => o.Owner))),
                ActivityOwners = merger.List(AnswerLists.ActivityOwners, a => a.ActivityOwners, o => o.Activity, item =>
                    new ActivityOwner(item.Key, item.Scalar("owner", o => o.Owner))),
                Participants = merger.List(AnswerLists.Participants, a => a.Participants, p => p.Who, item =>
                    new Participant(item.Key, item.Scalar("role", p => p.Role))),
            },
        };

        return new ConsolidatedDraft(
            stage,
            draft with { Responses = MergeResponses(stage, inputs) },
            merger.Items,
            [.. inputs.Select(i => new ContributorResponses(i.Contributor, [.. i.Answer.Responses.OrEmpty().Select(r => r.OrEmpty())]))],
            merger.Conflicts);
    }

    /// <summary>Checks the answers and sorts them by contributor, the one order everything else follows.</summary>
    private static List<ContributedAnswer> InContributorOrder(StageKey stage, IEnumerable<ContributedAnswer> answers)
    {
        var inputs = new List<ContributedAnswer>();
        foreach (var answer in answers)
        {
            if (answer?.Answer is null || answer.Contributor.IsBlank())
            {
                throw new ArgumentException("Every answer needs its contributor and content.", nameof(answers));
            }

            if (answer.Answer.Stage != stage)
            {
                throw new ArgumentException($"An answer to stage {answer.Answer.Stage} cannot be consolidated into stage {stage}.", nameof(answers));
            }

            inputs.Add(answer with { Contributor = answer.Contributor.Trim() });
        }

        inputs.Sort((x, y) => Contributors.Compare(x.Contributor, y.Contributor));
        for (var i = 1; i < inputs.Count; i++)
        {
            if (Contributors.Equals(inputs[i - 1].Contributor, inputs[i].Contributor))
            {
                // Which of two answers would win would depend on their order: the workflow keeps one per participant.
                throw new ArgumentException("A contributor appears twice; pass one answer per participant.", nameof(answers));
            }
        }

        return inputs;
    }

    /// <summary>Per question, the distinct non-empty answers in contributor order, for the approver to edit.</summary>
    private static List<string> MergeResponses(StageKey stage, List<ContributedAnswer> inputs) =>
    [
        .. Enumerable.Range(0, InnerCycle.Get(stage).Questions.Count).Select(question => string.Join(
            ResponseSeparator,
            inputs
                .Select(input => input.Answer.Responses.OrEmpty().ElementAtOrDefault(question).OrEmpty().Trim())
                .Where(response => TextKey.Normalize(response).Length > 0)
                .DistinctBy(TextKey.Normalize, StringComparer.Ordinal))),
    ];

    /// <summary>Contributors are emails: compared case-insensitively.</summary>
    private static StringComparer Contributors => StringComparer.OrdinalIgnoreCase;

    private static List<string> SortedContributors(IEnumerable<string> contributors) =>
        [.. contributors.Distinct(Contributors).Order(Contributors)];

    private static string PriorityName(AudiencePriority priority) => priority switch
    {
        AudiencePriority.High => "high",
        AudiencePriority.Medium => "medium",
        AudiencePriority.Low => "low",
        // Undefined numbers are a validation error; here they are carried through unchanged.
        _ => ((int)priority).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Of equally supported priorities, the highest: an audience some stakeholders rank high is not played down unseen.</summary>
    private static string HighestPriority(IEnumerable<string> tied)
    {
        var names = tied.ToList();
        return names.FirstOrDefault(n => n == "high") ?? names.FirstOrDefault(n => n == "medium") ?? names[0];
    }

    private static AudiencePriority ParsePriority(string name) => name switch
    {
        "high" => AudiencePriority.High,
        "medium" => AudiencePriority.Medium,
        "low" => AudiencePriority.Low,
        _ => (AudiencePriority)int.Parse(name, CultureInfo.InvariantCulture),
    };

    /// <summary>A person as the conflicts name them: <c>Name &lt;email&gt;</c>, or whichever of the two is given.</summary>
    public static string Display(Person person) => (person.Name.Length, person.Email.Length) switch
    {
        ( > 0, > 0) => $"{person.Name} <{person.Email}>",
        ( > 0, _) => person.Name,
        _ => person.Email,
    };

    private sealed record Vote<T>(T Value, string Contributor);

    private sealed record Choice<T>(T Value, IReadOnlyList<string> Contributors);

    /// <summary>
    /// Groups votes by <paramref name="key"/> (empty keys are no vote) and orders the groups by how many
    /// contributors back them, ties by key. Each group is spelled as most of its contributors spelled it,
    /// ties to the smallest by <paramref name="spelling"/>.
    /// </summary>
    private static List<Choice<T>> Tally<T>(IEnumerable<Vote<T>> votes, Func<T, string> key, IComparer<T> spelling)
        where T : notnull =>
    [
        .. votes
            .Select(vote => (Vote: vote, Key: key(vote.Value)))
            .Where(vote => vote.Key.Length > 0)
            .GroupBy(vote => vote.Key, StringComparer.Ordinal)
            .Select(group => (
                group.Key,
                Choice: new Choice<T>(
                    group
                        .GroupBy(vote => vote.Vote.Value)
                        .OrderByDescending(same => same.Select(v => v.Vote.Contributor).Distinct(Contributors).Count())
                        .ThenBy(same => same.Key, spelling)
                        .First().Key,
                    SortedContributors(group.Select(vote => vote.Vote.Contributor)))))
            .OrderByDescending(group => group.Choice.Contributors.Count)
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => group.Choice),
    ];

    private static List<Choice<string>> Tally(IEnumerable<Vote<string>> votes) =>
        Tally(votes.Select(v => v with { Value = v.Value.OrEmpty().Trim() }), TextKey.Normalize, StringComparer.Ordinal);

    private static ConflictingValue ToConflictingValue(Choice<string> choice) => new(choice.Value, choice.Contributors);

    /// <summary>The best-supported choice has no more contributors than the next: nothing decides between them.</summary>
    private static bool IsTie<T>(List<Choice<T>> tally) => tally.Count > 1 && tally[0].Contributors.Count == tally[1].Contributors.Count;

    private sealed class PersonOrder : IComparer<Person>
    {
        public static PersonOrder Instance { get; } = new();

        public int Compare(Person? x, Person? y)
        {
            var byName = string.CompareOrdinal(x?.Name, y?.Name);
            return byName != 0 ? byName : string.CompareOrdinal(x?.Email, y?.Email);
        }
    }

    /// <summary>Builds the merged lists, collecting each item's contributors and each conflict on the way.</summary>
    private sealed class Merger(IReadOnlyList<ContributedAnswer> inputs)
    {
        public List<ItemContributors> Items { get; } = [];

        public List<Conflict> Conflicts { get; } = [];

        /// <summary>The list's items matched by the <see cref="TextKey"/> of <paramref name="key"/>, sorted by it.</summary>
        public List<T> List<T>(string list, Func<StageAnswer, IReadOnlyList<T>?> select, Func<T, string?> key, Func<MergedItem<T>, T> build)
            where T : class
        {
            var merged = new List<T>();
            var groups = inputs
                .SelectMany(input => select(input.Answer).OrEmpty().Where(item => item is not null).Select(item => new Vote<T>(item, input.Contributor)))
                .GroupBy(entry => TextKey.Normalize(key(entry.Value)), StringComparer.Ordinal)
                .Where(group => group.Key.Length > 0)
                .OrderBy(group => group.Key, StringComparer.Ordinal);
            foreach (var group in groups)
            {
                var entries = group.ToList();
                var title = Tally(entries.Select(entry => new Vote<string>(key(entry.Value).OrEmpty(), entry.Contributor)))[0].Value;
                Items.Add(new ItemContributors(list, title, SortedContributors(entries.Select(entry => entry.Contributor))));
                merged.Add(build(new MergedItem<T>(this, list, title, entries)));
            }

            return merged;
        }

        /// <summary>The person most contributors named; naming different people is a conflict.</summary>
        public Person? OverallOwner()
        {
            var votes = inputs
                .Where(input => input.Answer.OverallOwner is { } owner && !(owner.Name.IsBlank() && owner.Email.IsBlank()))
                .Select(input => new Vote<Person>(
                    new Person(input.Answer.OverallOwner!.Name.OrEmpty().Trim(), input.Answer.OverallOwner.Email.OrEmpty().Trim()),
                    input.Contributor))
                .ToList();
            if (votes.Count == 0)
            {
                return null;
            }

            // TextKey never yields a line break, so the joined key identifies the (name, email) pair.
            var tally = Tally(votes, p => $"{TextKey.Normalize(p.Name)}\n{TextKey.Normalize(p.Email)}", PersonOrder.Instance);
            var chosen = IsTie(tally) ? null : tally[0].Value;
            var key = chosen is null ? string.Empty : Display(chosen);
            Items.Add(new ItemContributors(AnswerLists.OverallOwner, key, SortedContributors(votes.Select(v => v.Contributor))));
            if (tally.Count > 1)
            {
                Conflicts.Add(new Conflict(AnswerLists.OverallOwner, key, PersonField,
                    [.. tally.Select(c => new ConflictingValue(Display(c.Value), c.Contributors))]));
            }

            return chosen;
        }

        public void AddConflict(string list, string key, string field, List<Choice<string>> tally) =>
            Conflicts.Add(new Conflict(list, key, field, [.. tally.Select(ToConflictingValue)]));
    }

    /// <summary>One merged item: every contributor's version of it, and the merged value of each field.</summary>
    private sealed class MergedItem<T>(Merger merger, string list, string key, IReadOnlyList<Vote<T>> versions)
    {
        public string Key => key;

        /// <summary>
        /// The value most contributors gave (blank is no value); differing values are a conflict. A tie is left empty
        /// for the approver, unless <paramref name="breakTie"/> picks from the tied values.
        /// </summary>
        public string Scalar(string field, Func<T, string?> value, Func<IEnumerable<string>, string>? breakTie = null)
        {
            var tally = Tally(versions.Select(v => new Vote<string>(value(v.Value).OrEmpty(), v.Contributor)));
            if (tally.Count > 1)
            {
                merger.AddConflict(list, key, field, tally);
            }

            if (tally.Count == 0)
            {
                return string.Empty;
            }

            if (!IsTie(tally))
            {
                return tally[0].Value;
            }

            var top = tally[0].Contributors.Count;
            return breakTie?.Invoke(tally.TakeWhile(c => c.Contributors.Count == top).Select(c => c.Value)) ?? string.Empty;
        }

        /// <summary>Every reference any contributor made, once each, sorted by normalised text.</summary>
        public List<string> Union(Func<T, IReadOnlyList<string>?> references) =>
        [
            .. Tally(versions.SelectMany(v => references(v.Value).OrEmpty().Select(r => new Vote<string>(r.OrEmpty(), v.Contributor))))
                .Select(choice => choice.Value)
                .OrderBy(TextKey.Normalize, StringComparer.Ordinal),
        ];
    }
}
