using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

internal sealed record EditorField(string Name, FieldKind Kind, LocalizedText Label, int MaxLength = Limits.ShortText)
{
    /// <summary>Choices of a select or a checkbox group.</summary>
    public Func<EditorScope, IEnumerable<Choice>> Choices { get; init; } = static _ => [];

    /// <summary>What a select shows chosen in a new row, when it may not be left unchosen.</summary>
    public string Default { get; init; } = string.Empty;

    /// <summary>A select that may be left unchosen (and then counts as empty).</summary>
    public bool Optional { get; init; }

    /// <summary>A checkbox group with a text input (<c>{name}Text</c>) for names not offered.</summary>
    public bool FreeText { get; init; }

    public LocalizedText? Hint { get; init; }

    /// <summary>Whether the field counts when deciding that a row is empty (a select that always has a value does not).</summary>
    public bool CountsAsContent => Kind switch
    {
        FieldKind.Fixed => false,
        FieldKind.Select => Optional,
        _ => true,
    };
}
