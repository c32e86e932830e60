using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

/// <summary>How a field is edited.</summary>
internal enum FieldKind
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>An email address.</summary>
    Email,

    /// <summary>A few lines (descriptions, purposes, roles).</summary>
    Area,

    /// <summary>One of a list of choices (<c>&lt;select&gt;</c>).</summary>
    Select,

    /// <summary>Any number of choices (checkboxes), optionally with a comma-separated text input for new names.</summary>
    Choices,

    /// <summary>Set by the form itself (the approved channel a channel-owner row is for): hidden input and visible text.</summary>
    Fixed,
}

/// <summary>A choice offered by a select or a checkbox group.</summary>
internal sealed record Choice(string Value, string Label);

/// <summary>What a list editor may offer as choices: the answer being edited and what earlier stages approved.</summary>
internal sealed record EditorScope(StageAnswer Answer, StrategyContext Context, Language Language);

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

/// <summary>One row of a list editor: the values of each field (several for checkbox groups).</summary>
internal sealed class Row
{
    private readonly Dictionary<string, IReadOnlyList<string>> _values = new(StringComparer.Ordinal);

    public Row Set(string field, string? value)
    {
        _values[field] = string.IsNullOrEmpty(value) ? [] : [value];
        return this;
    }

    public Row Set(string field, IReadOnlyList<string> values)
    {
        _values[field] = values;
        return this;
    }

    public string One(string field) => _values.TryGetValue(field, out var values) && values.Count > 0 ? values[0] : string.Empty;

    public IReadOnlyList<string> Many(string field) => _values.TryGetValue(field, out var values) ? values : [];
}

/// <summary>
/// A structured list of a stage (docs/design.md §3) as the forms edit it: its fields, and how its items become
/// rows and back. <see cref="Name"/> is the JSON list name and the form field prefix (<c>goals[0].title</c>).
/// </summary>
internal sealed record EditorList(string Name, LocalizedText Title, LocalizedText Item, IReadOnlyList<EditorField> Fields)
{
    public required Func<StageAnswer, IEnumerable<Row>> ToRows { get; init; }

    public required Func<StageAnswer, IReadOnlyList<Row>, StageAnswer> WithRows { get; init; }

    /// <summary>One object rather than a list (<c>overallOwner.name</c>): exactly one row, no add or remove.</summary>
    public bool Single { get; init; }

    /// <summary>Keys that always get a row (every approved channel gets a channel-owner row), so none is forgotten.</summary>
    public Func<EditorScope, IReadOnlyList<string>>? FixedKeys { get; init; }

    public LocalizedText? Hint { get; init; }

    /// <summary>The field that names an item; consolidation matches items, contributors and conflicts by it.</summary>
    public EditorField KeyField => Fields[0];

    public string FieldName(int index, string field) => Single ? $"{Name}.{field}" : $"{Name}[{index}].{field}";

    public string RowPath(int index) => Single ? Name : $"{Name}[{index}]";
}
