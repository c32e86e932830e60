using System.Text;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Tests.Framework;

public sealed class InnerCycleTests
{
    // The seed's own words, with two typos corrected (docs/design.md §1 corrects the first).
    private static readonly string Seed = File.ReadAllText(
            Path.Combine(AppContext.BaseDirectory, "Framework", "m-brain-inner-cycle.fi.txt"), Encoding.UTF8)
        .Replace("median strategista", "median strategiasta", StringComparison.Ordinal)
        .Replace("tavoitteitsa.", "tavoitteista.", StringComparison.Ordinal);

    [Fact]
    public void Stages_AreTheFourStagesInOrder()
    {
        Assert.Equal(StageKeys.InOrder, InnerCycle.Stages.Select(s => s.Key));
        Assert.Equal([1, 2, 3, 4], InnerCycle.Stages.Select(s => s.Number));
    }

    [Fact]
    public void FinnishTitlesAndQuestions_AreTheSeedsOwnWords()
    {
        foreach (var stage in InnerCycle.Stages)
        {
            Assert.Contains($"{stage.Number}. {stage.Title.Fi}", Seed, StringComparison.Ordinal);
            Assert.Contains(stage.Guidance.Fi, Seed, StringComparison.Ordinal);
            foreach (var question in stage.Questions)
            {
                Assert.Contains(question.Fi, Seed, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void EveryText_HasBothLanguages()
    {
        foreach (var stage in InnerCycle.Stages)
        {
            LocalizedText[] texts = [stage.Title, stage.Guidance, stage.Principle, .. stage.Questions];
            Assert.All(texts, t =>
            {
                Assert.False(string.IsNullOrWhiteSpace(t.Fi));
                Assert.False(string.IsNullOrWhiteSpace(t.En));
                Assert.NotEqual(t.Fi, t.En);
            });
        }

        Assert.Equal([2, 3, 2, 3], InnerCycle.Stages.Select(s => s.Questions.Count));
    }

    [Theory]
    [InlineData("goals", StageKey.Goals)]
    [InlineData("audiences", StageKey.Audiences)]
    [InlineData("activities", StageKey.Activities)]
    [InlineData("ownership", StageKey.Ownership)]
    public void StageKeys_SlugRoundTrips(string slug, StageKey expected)
    {
        Assert.True(StageKeys.TryParse(slug, out var parsed));
        Assert.Equal(expected, parsed);
        Assert.Equal(slug, parsed.Slug());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Goals")]
    [InlineData("strategy")]
    public void StageKeys_UnknownSlug_IsRejected(string? slug) => Assert.False(StageKeys.TryParse(slug, out _));
}
