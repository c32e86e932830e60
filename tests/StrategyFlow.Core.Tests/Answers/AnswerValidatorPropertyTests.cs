using CsCheck;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Tests.Support;

namespace StrategyFlow.Core.Tests.Answers;

public sealed class AnswerValidatorPropertyTests
{
    [Fact]
    public void Validate_AnyInput_NeverThrows_AndEveryErrorIsAddressedAndExplainedInBothLanguages() =>
        Gen.Select(AnswerGenerators.AnyAnswer, AnswerGenerators.AnyContext).Sample((answer, context) =>
        {
            var errors = AnswerValidator.Validate(answer, context);

            Assert.All(errors, error =>
            {
                Assert.False(string.IsNullOrEmpty(error.Path));
                Assert.False(string.IsNullOrEmpty(error.Code));
                Assert.False(string.IsNullOrWhiteSpace(error.Message.Fi));
                Assert.False(string.IsNullOrWhiteSpace(error.Message.En));
            });
        }, iter: 300);

    [Fact]
    public void Validate_GeneratedAnswerWithUnknownReferencesOrDuplicates_IsNeverSilentlyAccepted() =>
        // The generators mix every kind of input: an answer with no errors must really be well-formed.
        Gen.Select(AnswerGenerators.AnyAnswer, AnswerGenerators.AnyContext).Sample((answer, context) =>
        {
            if (AnswerValidator.Validate(answer, context).Count == 0)
            {
                var titles = answer.Goals.Select(g => TextKey.Normalize(g.Title)).ToList();
                Assert.Equal(titles.Count, titles.Distinct().Count());
                Assert.All(titles, t => Assert.NotEqual("", t));
                Assert.All(answer.Activities.SelectMany(a => a.Channels), c => Assert.Contains(context.ApprovedChannels, a => TextKey.Same(a, c)));
            }
        }, iter: 300);
}
