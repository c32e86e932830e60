using System.Net.Mail;
using System.Text.RegularExpressions;
using System.Xml;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Strategies;

/// <summary>Turns a start request into a <see cref="StrategyDefinition"/>, or every field error at once.</summary>
public static partial class StartStrategyValidator
{
    public const int MaxStakeholders = 100;
    public const int MaxApprovers = 10;
    public const int MaxBusinessGoals = 20;
    public const int MaxIdLength = 64;

    /// <summary>The rule for names, titles, goals and reasons: they land in email subjects, pages and documents.</summary>
    public const string PlainTextRule = "Use plain text: no control characters, line breaks or text-direction marks.";

    private static readonly TimeSpan ShortestWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestWindow = TimeSpan.FromDays(90);

    /// <summary>Ids become instance ids and blob names: 2-64 lower-case letters, digits and dashes.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$", RegexOptions.CultureInvariant)]
    public static partial Regex IdPattern();

    public sealed record Result(StrategyDefinition? Definition, IReadOnlyDictionary<string, string[]> Errors)
    {
        public bool IsValid => Definition is not null;
    }

    public static Result Validate(StartStrategyRequest? request, string generatedId, DateTimeOffset now)
    {
        var errors = new Errors();
        if (request is null)
        {
            errors.Add("", "A JSON body is required.");
            return new(null, errors.ToDictionary());
        }

        var id = request.Id is null ? generatedId : request.Id.Trim();
        if (!IdPattern().IsMatch(id))
        {
            errors.Add("id", "Use 2-64 lower-case letters, digits and dashes, starting and ending with a letter or digit.");
        }

        var organization = Text(errors, "organization", request.Organization, Limits.ShortText);
        var title = Text(errors, "title", request.Title, Limits.ShortText);
        var language = request.Language switch
        {
            "fi" => Language.Fi,
            "en" => Language.En,
            _ => errors.Add<Language>("language", "Use \"fi\" or \"en\"."),
        };
        var owner = Person(errors, "owner", request.Owner);
        var businessGoals = BusinessGoals(errors, request.BusinessGoals);

        var defaultStakeholders = request.Stakeholders;
        var defaultApprovers = request.Approvers;
        var defaultPolicy = request.Policy;
        foreach (var key in request.Stages?.Keys ?? [])
        {
            if (!StageKeys.TryParse(key, out _))
            {
                errors.Add($"stages.{key}", "Unknown stage: use goals, audiences, activities or ownership.");
            }
        }

        var plans = new List<StagePlan>();
        foreach (var stage in StageKeys.InOrder)
        {
            var overrides = request.Stages?.GetValueOrDefault(stage.Slug());
            var prefix = overrides is null ? "" : $"stages.{stage.Slug()}.";
            var stakeholders = People(errors, Path(overrides?.Stakeholders, prefix, "stakeholders"),
                overrides?.Stakeholders ?? defaultStakeholders, MaxStakeholders);
            var approvers = People(errors, Path(overrides?.Approvers, prefix, "approvers"),
                overrides?.Approvers ?? defaultApprovers, MaxApprovers);
            var policyText = overrides?.Policy ?? defaultPolicy ?? "any";
            var policy = policyText switch
            {
                "any" => ApprovalPolicy.Any,
                "all" => ApprovalPolicy.All,
                _ => errors.Add<ApprovalPolicy>(overrides?.Policy is null ? "policy" : $"{prefix}policy", "Use \"any\" or \"all\"."),
            };
            plans.Add(new StagePlan(stage, stakeholders, approvers, policy));
        }

        var timing = TimingOf(errors, request.Timing);
        if (errors.Count > 0)
        {
            return new(null, errors.ToDictionary());
        }

        var header = new StrategyHeader(id, organization, title, language, owner!, businessGoals, now);
        return new(new StrategyDefinition(header, plans, timing), errors.ToDictionary());
    }

    private static string Path<T>(IReadOnlyList<T>? overridden, string prefix, string name) =>
        overridden is null ? name : prefix + name;

    private static string Text(Errors errors, string path, string? value, int maxLength, bool required = true)
    {
        var text = value?.Trim() ?? "";
        if (required && text.Length == 0)
        {
            errors.Add(path, "Required.");
        }
        else if (text.Length > maxLength)
        {
            errors.Add(path, $"At most {maxLength} characters.");
        }
        else if (!PlainText.IsPlain(text))
        {
            errors.Add(path, PlainTextRule);
        }

        return text;
    }

    private static Person? Person(Errors errors, string path, PersonRequest? person)
    {
        if (person is null)
        {
            errors.Add(path, "Required: { \"name\", \"email\" }.");
            return null;
        }

        var name = Text(errors, $"{path}.name", person.Name, Limits.ShortText);
        var email = Email(errors, $"{path}.email", person.Email);
        return new Person(name, email);
    }

    private static string Email(Errors errors, string path, string? value)
    {
        var email = value?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors.Add(path, "Required.");
        }
        else if (email.Length > Limits.Email
            || !PlainText.IsVisibleAddress(email)
            || !MailAddress.TryCreate(email, out var parsed)
            || !string.Equals(parsed.Address, email, StringComparison.Ordinal)
            || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(path, "Not a valid email address.");
        }

        return email.ToLowerInvariant();
    }

    private static List<string> BusinessGoals(Errors errors, IReadOnlyList<string?>? goals)
    {
        if (goals is null || goals.Count == 0)
        {
            errors.Add("businessGoals", "At least one business goal is required: social media goals support them.");
            return [];
        }

        if (goals.Count > MaxBusinessGoals)
        {
            errors.Add("businessGoals", $"At most {MaxBusinessGoals} business goals.");
        }

        var result = new List<string>();
        for (var i = 0; i < goals.Count; i++)
        {
            var goal = Text(errors, $"businessGoals[{i}]", goals[i], Limits.ShortText);
            if (result.Any(g => TextKey.Same(g, goal)))
            {
                errors.Add($"businessGoals[{i}]", "Duplicate business goal.");
            }

            result.Add(goal);
        }

        return result;
    }

    private static List<Person> People(Errors errors, string path, IReadOnlyList<PersonRequest?>? people, int max)
    {
        if (people is null || people.Count == 0)
        {
            errors.Add(path, "At least one is required.");
            return [];
        }

        if (people.Count > max)
        {
            errors.Add(path, $"At most {max}.");
        }

        var result = new List<Person>();
        for (var i = 0; i < people.Count; i++)
        {
            var person = Person(errors, $"{path}[{i}]", people[i]);
            if (person is null)
            {
                continue;
            }

            if (result.Any(p => p.Email == person.Email))
            {
                errors.Add($"{path}[{i}].email", "Listed twice.");
            }

            result.Add(person);
        }

        return result;
    }

    private static Timing TimingOf(Errors errors, TimingRequest? timing)
    {
        var defaults = Timing.Default;
        var result = new Timing(
            Duration(errors, "timing.responseWindow", timing?.ResponseWindow, defaults.ResponseWindow),
            Duration(errors, "timing.reminderInterval", timing?.ReminderInterval, defaults.ReminderInterval),
            timing?.MaxReminders ?? defaults.MaxReminders,
            Duration(errors, "timing.approvalWindow", timing?.ApprovalWindow, defaults.ApprovalWindow));
        if (result.MaxReminders is < 0 or > 10)
        {
            errors.Add("timing.maxReminders", "Use 0 to 10.");
        }

        return result;
    }

    private static TimeSpan Duration(Errors errors, string path, string? value, TimeSpan fallback)
    {
        if (value is null)
        {
            return fallback;
        }

        TimeSpan duration;
        try
        {
            duration = XmlConvert.ToTimeSpan(value.Trim());
        }
        catch (FormatException)
        {
            errors.Add(path, "Not an ISO 8601 duration (for example P5D or PT12H).");
            return fallback;
        }
        catch (OverflowException)
        {
            // Well-formed but longer than any TimeSpan (P99999999Y): far outside the allowed range too.
            duration = TimeSpan.MaxValue;
        }

        if (duration < ShortestWindow || duration > LongestWindow)
        {
            errors.Add(path, "Use a duration from PT1S to P90D.");
            return fallback;
        }

        return duration;
    }

    /// <summary>Field errors keyed by JSON path, as ValidationProblem wants them.</summary>
    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _byPath = new(StringComparer.Ordinal);

        public int Count => _byPath.Count;

        /// <summary>Adds the message once: the same default list is checked for every stage that uses it.</summary>
        public void Add(string path, string message)
        {
            if (!_byPath.TryGetValue(path, out var messages))
            {
                _byPath[path] = messages = [];
            }

            if (!messages.Contains(message, StringComparer.Ordinal))
            {
                messages.Add(message);
            }
        }

        public T Add<T>(string path, string message)
            where T : struct
        {
            Add(path, message);
            return default;
        }

        public Dictionary<string, string[]> ToDictionary() => _byPath.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
