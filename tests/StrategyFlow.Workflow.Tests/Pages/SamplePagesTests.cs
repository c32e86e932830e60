using AngleSharp.Html.Parser;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Pages;

namespace StrategyFlow.Workflow.Tests.Pages;

/// <summary>
/// Every page the product shows, parsed by a strict HTML5 parser. The pages are also written to
/// <c>$TMPDIR/strategyflow-pages</c> so that they can be opened or screenshot in a browser.
/// </summary>
public sealed class SamplePagesTests
{
    public static readonly string Directory = Path.Combine(Path.GetTempPath(), "strategyflow-pages");

    internal static IEnumerable<(string Name, HtmlResult Page)> All()
    {
        foreach (var language in new[] { Language.Fi, Language.En })
        {
            var lang = language == Language.Fi ? "fi" : "en";
            foreach (var stage in StageKeys.InOrder)
            {
                yield return ($"form-{stage.Number()}-{lang}", FormPages.StakeholderForm(Samples.Form(stage, language)));
                yield return ($"review-{stage.Number()}-{lang}", FormPages.ReviewPage(Samples.Review(stage, language)));
            }

            yield return ($"form-sent-back-{lang}", FormPages.StakeholderForm(Samples.Form(
                StageKey.Goals, language, [new("goals[0].metric", "required", Samples.Message("Metric is required"))], "Lisätkää mittarit, kiitos.")));
            yield return ($"review-errors-{lang}", FormPages.ReviewPage(Samples.Review(
                StageKey.Activities, language, [new FieldError("comment", "required", Samples.Message("A comment is required to request changes"))])));
            foreach (var kind in Enum.GetValues<NoticeKind>())
            {
                yield return ($"notice-{kind}-{lang}", FormPages.Notice(kind, language, "Lisätieto."));
            }
        }
    }

    [Fact]
    public void EveryPage_IsValidHtml5()
    {
        Assert.NotEmpty(ParseErrors("<!DOCTYPE html><html><body><p><div></p></span></body></html>"));
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var (name, page) in All())
        {
            var errors = ParseErrors(page.Html);

            Assert.True(errors.Count == 0, $"{name}: {string.Join("; ", errors)}");
            File.WriteAllText(Path.Combine(Directory, name + ".html"), page.Html);
        }
    }

    internal static List<string> ParseErrors(string html)
    {
        var errors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) => errors.Add(((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Message);
        parser.ParseDocument(html);
        return errors;
    }
}
