using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

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
