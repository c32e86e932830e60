namespace StrategyFlow.Workflow.Pages;

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
