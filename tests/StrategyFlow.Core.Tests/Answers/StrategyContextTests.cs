using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Tests.Samples;

namespace StrategyFlow.Core.Tests.Answers;

public sealed class StrategyContextTests
{
    [Fact]
    public void After_EachApprovedStage_AddsItsItemsByNameForTheStagesThatFollow()
    {
        var stages = SampleStrategy.Build(Language.En).Stages;
        var context = new StrategyContext { BusinessGoals = ["Grow"] };

        foreach (var stage in stages)
        {
            context = context.After(stage.Content);
        }

        Assert.Equal(["Grow"], context.BusinessGoals);
        Assert.Equal(stages[0].Content.Goals.Select(g => g.Title), context.ApprovedGoals);
        Assert.Equal(stages[1].Content.Channels.Select(c => c.Name), context.ApprovedChannels);
        Assert.Equal(stages[2].Content.Activities.Select(a => a.Title), context.ApprovedActivities);
    }

    [Fact]
    public void After_Ownership_ChangesNothing()
    {
        var context = new StrategyContext { ApprovedGoals = ["A"] };

        Assert.Equal(context, context.After(new StageAnswer { Stage = StageKey.Ownership }));
    }
}
