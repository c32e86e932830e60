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
}
