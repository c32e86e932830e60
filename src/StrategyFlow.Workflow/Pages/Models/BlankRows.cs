namespace StrategyFlow.Workflow.Pages;

/// <summary>How many empty rows each list editor shows after its items: one, unless the posted form said otherwise.</summary>
public sealed record BlankRows(IReadOnlyDictionary<string, int> PerList)
{
    public static BlankRows One { get; } = new(new Dictionary<string, int>(StringComparer.Ordinal));

    public int For(string list) => PerList.TryGetValue(list, out var rows) ? Math.Clamp(rows, 0, FormReader.MaxBlankRows) : 1;

    /// <summary>The same rows and one more empty row in <paramref name="list"/>.</summary>
    public BlankRows WithOneMore(string list) =>
        new(new Dictionary<string, int>(PerList, StringComparer.Ordinal) { [list] = For(list) + 1 });
}
