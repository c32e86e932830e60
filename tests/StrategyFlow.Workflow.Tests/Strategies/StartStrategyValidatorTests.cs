using StrategyFlow.Workflow.Strategies;
using StrategyFlow.Workflow.Tests.Fakes;

namespace StrategyFlow.Workflow.Tests.Strategies;

/// <summary>The start request's rules: every problem once, in plain words, under its JSON path; never an exception.</summary>
public sealed class StartStrategyValidatorTests
{
    private static IReadOnlyDictionary<string, string[]> Errors(StartStrategyRequest request) =>
        StartStrategyValidator.Validate(request, "generated-id", DateTimeOffset.UtcNow).Errors;

    [Theory]
    [InlineData("P99999999Y")]
    [InlineData("P10675200D")]
    [InlineData("P2147483647D")]
    [InlineData("-P10675200D")]
    public void Validate_DurationBeyondTimeSpan_IsAFieldError(string duration)
    {
        var request = Samples.Request("overflow") with
        {
            Timing = new TimingRequest { ResponseWindow = duration, ReminderInterval = duration, ApprovalWindow = duration },
        };

        var errors = Errors(request);

        Assert.Equal(["timing.approvalWindow", "timing.reminderInterval", "timing.responseWindow"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, messages => Assert.Equal(["Use a duration from PT1S to P90D."], messages));
    }

    [Theory]
    [InlineData("ab", true)]
    [InlineData("a1", true)]
    [InlineData("a-b", true)]
    [InlineData("a", false)]
    [InlineData("1", false)]
    [InlineData("-ab", false)]
    [InlineData("ab-", false)]
    [InlineData("Ab", false)]
    public void Validate_Id_FollowsTheStatedRuleOf2To64Characters(string id, bool valid)
    {
        Assert.Equal(!valid, Errors(Samples.Request(id)).ContainsKey("id"));
    }

    [Fact]
    public void Validate_IdOf64Or65Characters_AcceptsOnly64()
    {
        Assert.False(Errors(Samples.Request(new string('a', 64))).ContainsKey("id"));
        Assert.True(Errors(Samples.Request(new string('a', 65))).ContainsKey("id"));
    }

    [Fact]
    public void Validate_DefaultPeopleThatEveryStageUses_ReportsEachProblemOnce()
    {
        var request = Samples.Request("defaults") with
        {
            Stakeholders = [new PersonRequest("", "not-an-email")],
            Approvers = [],
        };

        var errors = Errors(request);

        Assert.Equal(["Required."], errors["stakeholders[0].name"]);
        Assert.Equal(["Not a valid email address."], errors["stakeholders[0].email"]);
        Assert.Equal(["At least one is required."], errors["approvers"]);
    }

    [Fact]
    public void Validate_EmptyRequest_ListsEachMissingListOnce()
    {
        var errors = Errors(new StartStrategyRequest());

        Assert.Single(errors["stakeholders"]);
        Assert.Single(errors["approvers"]);
    }

    public static TheoryData<string> HiddenCharacters { get; } =
    [
        "\u0007",      // bell: a control character
        "\r\n",        // a line break: would split an email subject
        "\u2028",      // line separator
        "\u202E",      // right-to-left override: reorders what the reader sees
        "\u2066",      // left-to-right isolate
        "\u200F",      // right-to-left mark
        "\u061C",      // Arabic letter mark
        "\uD800",      // half of a surrogate pair: broken Unicode
    ];

    // Not enumerated at discovery: the runner's serialization would repair the broken surrogate.
    [Theory]
    [MemberData(nameof(HiddenCharacters), DisableDiscoveryEnumeration = true)]
    public void Validate_HiddenCharacterInNamesAndTitles_IsAFieldErrorForEachField(string hidden)
    {
        var request = Samples.Request("hidden") with
        {
            Organization = $"Acme{hidden}Oy",
            Title = $"Strategia{hidden}2027",
            Owner = new PersonRequest($"Olli{hidden}Omistaja", Samples.Owner),
            BusinessGoals = [$"Kasvu{hidden}20 %"],
            Stakeholders = [new PersonRequest($"Sanna{hidden}S", Samples.Stakeholder(1))],
        };

        var errors = Errors(request);

        Assert.Equal(
            ["businessGoals[0]", "organization", "owner.name", "stakeholders[0].name", "title"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, messages => Assert.Equal([StartStrategyValidator.PlainTextRule], messages));
    }

    public static TheoryData<string> HiddenCharacterEmails { get; } =
    [
        "\"a\u0007b\"@acme.example",
        "\"a\r\nb\"@acme.example",
        "a\u202Eb@acme.example",
        "a\u200Bb@acme.example",  // zero-width space
        "a\uD800b@acme.example",
    ];

    [Theory]
    [MemberData(nameof(HiddenCharacterEmails), DisableDiscoveryEnumeration = true)]
    public void Validate_HiddenCharacterInEmail_IsNotAValidAddress(string email)
    {
        var request = Samples.Request("hidden-email") with { Owner = new PersonRequest("Olli", email) };

        Assert.Equal(["Not a valid email address."], Errors(request)["owner.email"]);
    }

    [Theory]
    [InlineData("Äänekosken Ässät ry")]
    [InlineData("مرحبا بالعالم")]
    [InlineData("👩‍💻 Kehittäjät")]
    public void Validate_OrdinaryInternationalText_IsAccepted(string text)
    {
        var request = Samples.Request("international") with { Organization = text, Title = text };

        Assert.Empty(Errors(request));
    }
}
