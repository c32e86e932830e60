using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Answers;

/// <summary>A problem with one field, addressed by its path (<c>goals[0].title</c>, <c>responses[1]</c>).</summary>
public sealed record FieldError(string Path, string Code, LocalizedText Message);

/// <summary>Checks a stage answer before it is accepted, returning every problem at once.</summary>
public static class AnswerValidator
{
    public static IReadOnlyList<FieldError> Validate(StageAnswer answer, StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(context);
        throw new NotImplementedException("Being written: issue 2.");
    }
}
