using StrategyFlow.Core.Framework;
using L = StrategyFlow.Core.Answers.ValidationMessages.Labels;
using M = StrategyFlow.Core.Answers.ValidationMessages;

namespace StrategyFlow.Core.Answers;

/// <summary>A problem with one field, addressed by its path (<c>goals[0].title</c>, <c>responses[1]</c>).</summary>
public sealed record FieldError(string Path, string Code, LocalizedText Message);

/// <summary>
/// Checks a stage answer before it is accepted, returning every problem at once. Validation is about
/// well-formedness and references; whether the content makes a good strategy (a goal without a metric,
/// a channel without an audience) is for <see cref="Coherence.CoherenceChecker"/> and the approver.
/// </summary>
public static class AnswerValidator
{
    public static IReadOnlyList<FieldError> Validate(StageAnswer answer, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(context);

        var errors = new Checks();
        if (!Enum.IsDefined(answer.Stage))
        {
            errors.Add("stage", ValidationCodes.UnknownStage, M.UnknownStage);
            return errors.Found;
        }

        ValidateResponses(errors, answer);
        ValidateGoals(errors, answer, context);
        ValidateAudiencesAndChannels(errors, answer);
        ValidateActivities(errors, answer, context);
        ValidateOwnership(errors, answer, context);
        return errors.Found;
    }

    private static void ValidateResponses(Checks errors, StageAnswer answer)
    {
        var expected = InnerCycle.Get(answer.Stage).Questions.Count;
        var responses = answer.Responses.OrEmpty();
        if (responses.Count != expected)
        {
            errors.Add("responses", ValidationCodes.WrongCount, M.WrongCount(expected, responses.Count));
        }

        for (var i = 0; i < responses.Count; i++)
        {
            errors.Text($"responses[{i}]", responses[i], Limits.LongText, L.Response, required: false);
        }
    }

    private static void ValidateGoals(Checks errors, StageAnswer answer, StrategyContext context)
    {
        var businessGoals = context.BusinessGoals.KeySet();
        errors.List(answer, AnswerLists.Goals, answer.Goals, goal => goal.Title, "title", (path, goal) =>
        {
            errors.Text($"{path}.title", goal.Title, Limits.ShortText, L.Title, required: true);
            // An empty business goal is a coherence finding, not malformed input.
            if (!goal.BusinessGoal.IsBlank() && !businessGoals.Contains(TextKey.Normalize(goal.BusinessGoal)))
            {
                errors.Add($"{path}.businessGoal", ValidationCodes.UnknownBusinessGoal, M.UnknownBusinessGoal(goal.BusinessGoal));
            }

            errors.Text($"{path}.metric", goal.Metric, Limits.ShortText, L.Metric, required: false);
            errors.Text($"{path}.target", goal.Target, Limits.ShortText, L.Target, required: false);
        });
    }

    private static void ValidateAudiencesAndChannels(Checks errors, StageAnswer answer)
    {
        errors.List(answer, AnswerLists.Audiences, answer.Audiences, audience => audience.Name, "name", (path, audience) =>
        {
            errors.Text($"{path}.name", audience.Name, Limits.ShortText, L.Name, required: true);
            errors.Text($"{path}.description", audience.Description, Limits.MediumText, L.Description, required: false);
            if (!Enum.IsDefined(audience.Priority))
            {
                errors.Add($"{path}.priority", ValidationCodes.InvalidValue, M.InvalidPriority);
            }
        });

        var audiences = answer.Audiences.OrEmpty().Select(a => a?.Name).KeySet();
        errors.List(answer, AnswerLists.Channels, answer.Channels, channel => channel.Name, "name", (path, channel) =>
        {
            errors.Text($"{path}.name", channel.Name, Limits.ShortText, L.Name, required: true);
            errors.References($"{path}.audiences", channel.Audiences, audiences, ValidationCodes.UnknownAudience, M.UnknownAudience);
            errors.Text($"{path}.purpose", channel.Purpose, Limits.MediumText, L.Purpose, required: false);
        });
    }

    private static void ValidateActivities(Checks errors, StageAnswer answer, StrategyContext context)
    {
        var goals = context.ApprovedGoals.KeySet();
        var channels = context.ApprovedChannels.KeySet();
        errors.List(answer, AnswerLists.Activities, answer.Activities, activity => activity.Title, "title", (path, activity) =>
        {
            errors.Text($"{path}.title", activity.Title, Limits.ShortText, L.Title, required: true);
            errors.Text($"{path}.description", activity.Description, Limits.MediumText, L.Description, required: false);
            errors.References($"{path}.goals", activity.Goals, goals, ValidationCodes.UnknownGoal, M.UnknownGoal);
            errors.References($"{path}.channels", activity.Channels, channels, ValidationCodes.UnknownChannel, M.UnknownChannel);
            errors.Text($"{path}.cadence", activity.Cadence, Limits.ShortText, L.Cadence, required: false);
            errors.Text($"{path}.metric", activity.Metric, Limits.ShortText, L.Metric, required: false);
            errors.Text($"{path}.reviewEvery", activity.ReviewEvery, Limits.ShortText, L.ReviewEvery, required: false);
        });
    }

    private static void ValidateOverallOwner(Checks errors, StageAnswer answer)
    {
        // No overall owner is a coherence finding, not malformed input.
        if (answer.OverallOwner is not { } owner)
        {
            return;
        }

        if (answer.Stage != StageKey.Ownership)
        {
            errors.NotThisStage(AnswerLists.OverallOwner);
            return;
        }

        errors.Text("overallOwner.name", owner.Name, Limits.ShortText, L.Name, required: false);
        if (errors.Text("overallOwner.email", owner.Email, Limits.Email, L.Email, required: false)
            && !owner.Email.IsBlank() && !EmailAddress.IsValid(owner.Email))
        {
            errors.Add("overallOwner.email", ValidationCodes.InvalidEmail, M.InvalidEmail(owner.Email));
        }
    }

    private static void ValidateOwnership(Checks errors, StageAnswer answer, StrategyContext context)
    {
        ValidateOverallOwner(errors, answer);
        var channels = context.ApprovedChannels.KeySet();
        errors.List(answer, AnswerLists.ChannelOwners, answer.ChannelOwners, entry => entry.Channel, "channel", (path, entry) =>
        {
            errors.Reference($"{path}.channel", entry.Channel, L.Channel, channels, ValidationCodes.UnknownChannel, M.UnknownChannel);
            errors.Text($"{path}.owner", entry.Owner, Limits.ShortText, L.Owner, required: true);
        });

        var activities = context.ApprovedActivities.KeySet();
        errors.List(answer, AnswerLists.ActivityOwners, answer.ActivityOwners, entry => entry.Activity, "activity", (path, entry) =>
        {
            errors.Reference($"{path}.activity", entry.Activity, L.Activity, activities, ValidationCodes.UnknownActivity, M.UnknownActivity);
            errors.Text($"{path}.owner", entry.Owner, Limits.ShortText, L.Owner, required: true);
        });

        errors.List(answer, AnswerLists.Participants, answer.Participants, participant => participant.Who, "who", (path, participant) =>
        {
            errors.Text($"{path}.who", participant.Who, Limits.ShortText, L.Who, required: true);
            errors.Text($"{path}.role", participant.Role, Limits.MediumText, L.Role, required: true);
        });
    }

    /// <summary>Collects errors in the order the fields appear, so the first error is the first field to fix.</summary>
    private sealed class Checks
    {
        private readonly List<FieldError> _found = [];

        public IReadOnlyList<FieldError> Found => _found;

        public void Add(string path, string code, LocalizedText message) => _found.Add(new FieldError(path, code, message));

        /// <summary>Checks presence, length and characters; true when the text is well-formed.</summary>
        public bool Text(string path, string? text, int max, LocalizedText label, bool required)
        {
            if (required && text.IsBlank())
            {
                Add(path, ValidationCodes.Required, M.Required(label));
                return false;
            }

            if (string.IsNullOrEmpty(text))
            {
                return true;
            }

            var ok = true;
            if (text.Length > max)
            {
                Add(path, ValidationCodes.TooLong, M.TooLong(label, max, text.Length));
                ok = false;
            }

            if (HasInvalidCharacters(text))
            {
                Add(path, ValidationCodes.InvalidCharacters, M.InvalidCharacters(label));
                ok = false;
            }

            return ok;
        }

        /// <summary>
        /// Checks one of the stage's lists: belongs to this stage, not too long, no empty entries, no
        /// entry twice (by <see cref="TextKey"/> of <paramref name="key"/>), and each entry by <paramref name="item"/>.
        /// </summary>
        public void List<T>(StageAnswer answer, string list, IReadOnlyList<T>? entries, Func<T, string?> key, string keyField, Action<string, T> item)
            where T : class
        {
            var safe = entries.OrEmpty();
            if (safe.Count == 0)
            {
                return;
            }

            if (AnswerLists.StageOf(list) != answer.Stage)
            {
                // The entries of another stage's list are not checked further: the list must go.
                NotThisStage(list);
                return;
            }

            if (safe.Count > Limits.ListItems)
            {
                Add(list, ValidationCodes.TooMany, M.TooMany(Limits.ListItems, safe.Count));
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < safe.Count; i++)
            {
                var path = $"{list}[{i}]";
                if (safe[i] is not { } entry)
                {
                    Add(path, ValidationCodes.Required, M.EmptyEntry);
                    continue;
                }

                item(path, entry);
                var value = key(entry);
                if (TextKey.Normalize(value) is { Length: > 0 } normalized && !seen.Add(normalized))
                {
                    Add($"{path}.{keyField}", ValidationCodes.Duplicate, M.Duplicate(value!));
                }
            }
        }

        public void NotThisStage(string list) =>
            Add(list, ValidationCodes.NotThisStage, M.NotThisStage(InnerCycle.Get(AnswerLists.StageOf(list))));

        /// <summary>A required reference to one of <paramref name="allowed"/> (normalised keys).</summary>
        public void Reference(string path, string? value, LocalizedText label, HashSet<string> allowed, string code, Func<string, LocalizedText> message)
        {
            if (value.IsBlank())
            {
                Add(path, ValidationCodes.Required, M.Required(label));
            }
            else if (!allowed.Contains(TextKey.Normalize(value)))
            {
                // Anything not in the allowed set is rejected here, so its length and characters need no check.
                Add(path, code, message(value!));
            }
        }

        /// <summary>A list of references, each to one of <paramref name="allowed"/>, none twice.</summary>
        public void References(string path, IReadOnlyList<string>? values, HashSet<string> allowed, string code, Func<string, LocalizedText> message)
        {
            var safe = values.OrEmpty();
            if (safe.Count > Limits.References)
            {
                Add(path, ValidationCodes.TooMany, M.TooMany(Limits.References, safe.Count));
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < safe.Count; j++)
            {
                var value = safe[j];
                var normalized = TextKey.Normalize(value);
                if (normalized.Length == 0)
                {
                    Add($"{path}[{j}]", ValidationCodes.Required, M.EmptyEntry);
                }
                else if (!allowed.Contains(normalized))
                {
                    Add($"{path}[{j}]", code, message(value));
                }
                else if (!seen.Add(normalized))
                {
                    Add($"{path}[{j}]", ValidationCodes.Duplicate, M.Duplicate(value));
                }
            }
        }

        /// <summary>Control characters other than line breaks and tabs, and unpaired surrogates (broken Unicode).</summary>
        private static bool HasInvalidCharacters(string text) =>
            text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || TextKey.HasUnpairedSurrogate(text);
    }
}
