using System.Text.Json;
using CsCheck;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Consolidation;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Serialization;
using StrategyFlow.Core.Tests.Support;

namespace StrategyFlow.Core.Tests.Consolidation;

public sealed class ConsolidatorPropertyTests
{
    // Well-typed answers of every shape (duplicates, blanks, conflicts) and answers that pass validation.
    private static readonly Gen<(StageKey Stage, ContributedAnswer[] Answers)> Contributions =
        Gen.OneOf(AnswerGenerators.Contributions, AnswerGenerators.ValidContributions);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, CoreJson.Options);

    [Fact]
    public void Consolidate_AnyPermutationOfTheAnswers_GivesIdenticalJson() =>
        Contributions
            .SelectMany(c => Gen.Shuffle(c.Answers.ToArray()).Select(shuffled => (c.Stage, c.Answers, Shuffled: shuffled)))
            .Sample(c => Assert.Equal(
                Json(Consolidator.Consolidate(c.Stage, c.Answers)),
                Json(Consolidator.Consolidate(c.Stage, c.Shuffled))), iter: 200);

    [Fact]
    public void Consolidate_TheDraftAloneAsOneContributor_GivesTheSameDraft() =>
        Contributions.Sample(c =>
        {
            var draft = Consolidator.Consolidate(c.Stage, c.Answers).Draft;

            var again = Consolidator.Consolidate(c.Stage, [new ContributedAnswer("approver@acme.example", draft)]);

            Assert.Equal(Json(draft), Json(again.Draft));
            Assert.Empty(again.Conflicts);
        }, iter: 200);

    [Fact]
    public void Consolidate_EveryContributorOfAnItem_ProposedIt() =>
        Contributions.Sample(c =>
        {
            var result = Consolidator.Consolidate(c.Stage, c.Answers);

            Assert.All(result.Items, item => Assert.All(item.Contributors, contributor =>
                Assert.Contains(c.Answers, a => a.Contributor == contributor)));
            Assert.All(result.Conflicts, conflict => Assert.True(conflict.Values.Count > 1));
        }, iter: 200);

    [Fact]
    public void Consolidate_AnswersThatPassValidation_GiveADraftThatPassesValidationButForTiesLeftToChoose() =>
        AnswerGenerators.ValidContributions.Sample(c =>
        {
            Assert.All(c.Answers, a => Assert.Empty(AnswerValidator.Validate(a.Answer, AnswerGenerators.Context)));

            var consolidated = Consolidator.Consolidate(c.Stage, c.Answers);

            var errors = AnswerValidator.Validate(consolidated.Draft, AnswerGenerators.Context);
            Assert.All(errors, e => Assert.Equal("required", e.Code));
            Assert.True(errors.Count == 0 || consolidated.Conflicts.Any(t => t.IsTie));
        }, iter: 200);
}
