using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

/// <summary>
/// Places field errors next to the fields they name (by <see cref="FieldError.Path"/>, which is the form
/// field name) and remembers where, so the summary at the top of the page can link to each one.
/// </summary>
internal sealed class ErrorIndex(IReadOnlyList<FieldError> errors, Language language)
{
    private readonly Placement?[] _placements = new Placement?[errors.Count];

    public bool Any => errors.Count > 0;

    /// <summary>
    /// Errors for <paramref name="path"/>; with <paramref name="withItems"/> also those for its items
    /// (<c>activities[0].goals[2]</c> belongs to the field <c>activities[0].goals</c>).
    /// </summary>
    public IReadOnlyList<string> Take(string path, bool withItems, string anchor, string where)
    {
        var messages = new List<string>();
        for (var i = 0; i < errors.Count; i++)
        {
            var errorPath = errors[i].Path ?? string.Empty;
            var matches = string.Equals(errorPath, path, StringComparison.Ordinal)
                || (withItems && errorPath.StartsWith(path + "[", StringComparison.Ordinal));
            if (_placements[i] is null && matches)
            {
                _placements[i] = new(anchor, where);
                messages.Add(Message(errors[i]));
            }
        }

        return messages;
    }

    /// <summary>Every error in the order given: where it was placed (null anchor when no field showed it).</summary>
    public IEnumerable<(FieldError Error, string Message, string? Anchor, string? Where)> Summary() =>
        errors.Select((error, i) => (error, Message(error), _placements[i]?.Anchor, _placements[i]?.Where));

    private string Message(FieldError error) => error.Message?.In(language) ?? error.Code ?? string.Empty;

    private sealed record Placement(string Anchor, string Where);
}
