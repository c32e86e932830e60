using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Tests.Samples;

namespace StrategyFlow.Core.Tests.Documents;

public sealed class GoldenFileTests
{
    public static TheoryData<Language, DocumentFormat> Cases()
    {
        var cases = new TheoryData<Language, DocumentFormat>();
        foreach (var language in Enum.GetValues<Language>())
        {
            foreach (var format in Enum.GetValues<DocumentFormat>())
            {
                cases.Add(language, format);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_SampleStrategy_MatchesGoldenFile(Language language, DocumentFormat format)
    {
        var document = SampleStrategy.Document(language);

        var rendered = DocumentRenderer.Render(document, format);

        var name = DocumentRenderer.FileName(format).Replace("strategy.", $"strategy.{language.ToString().ToLowerInvariant()}.", StringComparison.Ordinal);
        Golden.Verify(name, rendered);
    }
}
