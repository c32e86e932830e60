using System.Text.Json;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Consolidation;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Http;
using StrategyFlow.Workflow.Pages;
using StrategyFlow.Workflow.Tests.Http;

namespace StrategyFlow.Workflow.Tests.Pages;

/// <summary>
/// The form limits against the pages themselves: the largest valid content of every stage, in its worst
/// encoding, rendered on the stakeholder form and on the review page (with every new row a page may add and a
/// full comment), posted back as a browser does, fits every limit and reads back whole.
/// </summary>
public sealed class FormLimitsTests
{
    public static TheoryData<StageKey, bool> StagesAndPages()
    {
        var data = new TheoryData<StageKey, bool>();
        foreach (var stage in StageKeys.InOrder)
        {
            data.Add(stage, false);
            data.Add(stage, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StagesAndPages))]
    public async Task FormLimits_LargestValidContentInTheWorstEncoding_FitsAndReadsBackWhole(StageKey stage, bool review)
    {
        var context = LargestContent.Context;
        var answer = LargestContent.Answer(stage, context);
        Assert.Empty(AnswerValidator.Validate(answer, context));
        var html = review ? ReviewPage(answer, context) : StakeholderForm(answer, context);

        var form = HtmlForm.Submit(html, review ? "requestChanges" : "submit");
        var body = LargestContent.Encode(form);

        Assert.InRange(body.LongLength, 0, FormLimits.MaxBodyBytes);
        Assert.InRange(form.Sum(f => f.Value.Count), 0, FormLimits.MaxValueCount);
        Assert.All(form.Keys, key => Assert.InRange(Uri.EscapeDataString(key).Length, 0, FormLimits.MaxKeyBytes));
        var (read, page) = await FormBody.ReadAsync(Requests.Served("application/x-www-form-urlencoded", body, chunked: true, long.MaxValue), Language.Fi, CancellationToken.None);
        Assert.Null(page);
        Assert.Equal(JsonSerializer.Serialize(answer), JsonSerializer.Serialize(FormReader.ReadAnswer(stage, read!)));
        Assert.Equal(review ? LargestContent.Text(Limits.Comment) : "", FormReader.ReadComment(read!));
    }

    [Fact]
    public async Task FormLimits_WorstEncoding_IsNineBytesPerCodeUnit()
    {
        foreach (var text in new[] { "€", "–", "ä", "a", "\r\n", "😀" })
        {
            using var content = new FormUrlEncodedContent([KeyValuePair.Create("x", text)]);
            var encoded = (await content.ReadAsStringAsync())[2..];
            Assert.InRange(encoded.Length, 0, FormLimits.WorstBytesPerChar * text.ReplaceLineEndings("\n").Length);
        }

        Assert.Equal("%E2%82%AC", Uri.EscapeDataString("€"));
    }

    /// <summary>The most empty rows a page shows in every list.</summary>
    private static readonly BlankRows ManyBlankRows = new(StageKeys.InOrder.SelectMany(StageLists.For).ToDictionary(l => l.Name, _ => FormReader.MaxBlankRows));

    private static string StakeholderForm(StageAnswer answer, StrategyContext context) =>
        FormPages.StakeholderForm(new StakeholderFormModel(Samples.Header(answer.Stage), answer, context, null, [], ManyBlankRows)).Html;

    private static string ReviewPage(StageAnswer answer, StrategyContext context)
    {
        var consolidated = Consolidator.Consolidate(answer.Stage, [new ContributedAnswer("sanna@acme.example", answer)]);
        return FormPages.ReviewPage(new ReviewPageModel(
            Samples.Header(answer.Stage), [new("sanna@acme.example", answer)], [], consolidated, answer, [], context, [],
            LargestContent.Text(Limits.Comment), ManyBlankRows)
        {
            DraftSha256 = new string('f', 64),
        }).Html;
    }
}
