using System.Text.Json;
using System.Text.Json.Nodes;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Tests.Samples;

namespace StrategyFlow.Core.Tests.Documents;

public sealed class StrategyDocumentTests
{
    private static readonly DateTimeOffset When = new(2027, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_SampleStrategy_TracesEveryGoalToActivitiesChannelsAndOwners()
    {
        var document = SampleStrategy.Document(Language.En);

        Assert.Equal(
        [
            new("Grow B2B leads by 20% a year", "More leads from LinkedIn", "Expert articles", "LinkedIn", "Sanna Sisältö", "Pekka Myynti"),
            new("Strengthen the employer brand among engineers", "Known among young professionals", "Employee stories", "Instagram", "HR team", "Maria Rekry"),
            new("Strengthen the employer brand among engineers", "Known among young professionals", "Employee stories", "LinkedIn", "Sanna Sisältö", "Maria Rekry"),
            new("Make customer service easier to reach", "Fast answers to customers", "", "", "", ""),
        ], document.Traceability);
    }

    [Fact]
    public void Create_StagesGivenOutOfOrder_AreKeptInStageOrder()
    {
        var parts = SampleStrategy.Build(Language.Fi);

        var document = (parts with { Stages = [.. parts.Stages.Reverse()] }).ToDocument();

        Assert.Equal(StageKeys.InOrder, document.Stages.Select(s => s.Stage));
        Assert.Equal(StrategyDocument.CurrentSchemaVersion, document.SchemaVersion);
    }

    [Fact]
    public void Traceability_ReferencesDifferingInCaseAndSpacing_StillMatch()
    {
        var stages = new[]
        {
            Stage(new StageAnswer { Stage = StageKey.Goals, Goals = [new("More Leads", "Growth", "m", "t")] }),
            Stage(new StageAnswer { Stage = StageKey.Audiences, Channels = [new("LinkedIn", [], "p")] }),
            Stage(new StageAnswer
            {
                Stage = StageKey.Activities,
                Activities = [new("Webinars", "d", ["  more   leads "], ["linkedin"], "c", "m", "r")],
            }),
            Stage(new StageAnswer
            {
                Stage = StageKey.Ownership,
                ChannelOwners = [new("LINKEDIN", "Sanna"), new("linkedin ", "Pekka"), new("LinkedIn", "sanna")],
                ActivityOwners = [new("webinars", "Maria")],
            }),
        };

        var row = Assert.Single(TraceabilityTable.Build(stages));

        Assert.Equal(new TraceabilityRow("Growth", "More Leads", "Webinars", "LinkedIn", "Sanna, Pekka", "Maria"), row);
    }

    [Fact]
    public void Traceability_ActivityWithoutChannelsOrOwners_HasOneRowWithEmptyCells()
    {
        var stages = new[]
        {
            Stage(new StageAnswer { Stage = StageKey.Goals, Goals = [new("Goal", "Business", "m", "t")] }),
            Stage(new StageAnswer { Stage = StageKey.Activities, Activities = [new("Act", "d", ["Goal"], [], "c", "m", "r")] }),
        };

        Assert.Equal([new TraceabilityRow("Business", "Goal", "Act", "", "", "")], TraceabilityTable.Build(stages));
    }

    [Fact]
    public void Traceability_NothingApproved_IsEmpty() => Assert.Empty(TraceabilityTable.Build([]));

    [Theory]
    [InlineData(Language.Fi)]
    [InlineData(Language.En)]
    public void FromJson_RenderedJson_RoundTripsExactly(Language language)
    {
        var json = DocumentRenderer.ToJson(SampleStrategy.Document(language));

        var read = DocumentRenderer.FromJson(json);

        Assert.Equal(json, DocumentRenderer.ToJson(read));
        Assert.Equal(SampleStrategy.Document(language).Traceability, read.Traceability);
    }

    [Fact]
    public void ToJson_Document_UsesTheContractNames()
    {
        var json = JsonNode.Parse(DocumentRenderer.ToJson(SampleStrategy.Document(Language.Fi)))!;

        Assert.Equal(1, (int)json["schemaVersion"]!);
        Assert.Equal("fi", (string?)json["strategy"]!["language"]);
        Assert.Equal("Approved", (string?)json["outcome"]);
        Assert.Equal("goals", (string?)json["stages"]![0]!["stage"]);
        Assert.Equal("ChangesRequested", (string?)json["decisions"]![0]!["decision"]);
        Assert.Equal("warning", (string?)json["findings"]![0]!["severity"]);
        Assert.Equal("2027-02-10T12:31:00+00:00", (string?)json["archivedAt"]);
    }

    [Fact]
    public void ToJson_UserText_CannotBreakOutOfAScriptOrHtmlContext()
    {
        var parts = SampleStrategy.Build(Language.En);
        var document = (parts with { Header = parts.Header with { Title = "</script><b>\"'&" } }).ToDocument();

        var json = DocumentRenderer.ToJson(document);

        Assert.DoesNotContain("</script>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", json, StringComparison.Ordinal);
        Assert.Equal("</script><b>\"'&", DocumentRenderer.FromJson(json).Strategy.Title);
    }

    [Fact]
    public void FromJson_UnknownSchemaVersion_IsRefused()
    {
        var json = JsonNode.Parse(DocumentRenderer.ToJson(SampleStrategy.Document(Language.Fi)))!;
        json["schemaVersion"] = 2;

        var error = Assert.Throws<JsonException>(() => DocumentRenderer.FromJson(json.ToJsonString()));

        Assert.Contains("schema version 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("[1,2]")]
    [InlineData("{\"schemaVersion\":")]
    public void FromJson_NotADocument_ThrowsJsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => DocumentRenderer.FromJson(json));

    [Theory]
    [InlineData("json", DocumentFormat.Json, "strategy.json", "application/json; charset=utf-8")]
    [InlineData("MD", DocumentFormat.Markdown, "strategy.md", "text/markdown; charset=utf-8")]
    [InlineData("html", DocumentFormat.Html, "strategy.html", "text/html; charset=utf-8")]
    public void Formats_QueryValues_MapToFileNamesAndContentTypes(string query, DocumentFormat format, string file, string contentType)
    {
        Assert.True(DocumentRenderer.TryParseFormat(query, out var parsed));
        Assert.Equal(format, parsed);
        Assert.Equal(file, DocumentRenderer.FileName(format));
        Assert.Equal(contentType, DocumentRenderer.ContentType(format));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pdf")]
    [InlineData("markdown")]
    public void TryParseFormat_UnknownValue_IsFalse(string? value) => Assert.False(DocumentRenderer.TryParseFormat(value, out _));

    private static ApprovedStage Stage(StageAnswer content) => new(content.Stage, 1, content, [], "hash", When, ["a@b.c"]);
}
