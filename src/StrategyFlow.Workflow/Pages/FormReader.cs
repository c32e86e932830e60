using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

/// <summary>What a posted form asks for.</summary>
public enum FormActionKind
{
    /// <summary>No action, several, or one this product does not know.</summary>
    Unknown,
    Submit,

    /// <summary>Show the form again with one more empty row (nothing is saved); <see cref="FormAction.List"/> names the list.</summary>
    AddRow,
    Approve,
    RequestChanges,
    Reject,
}

/// <summary>The button a form was posted with. <paramref name="List"/> is set for <see cref="FormActionKind.AddRow"/>.</summary>
public sealed record FormAction(FormActionKind Kind, string? List = null);

/// <summary>
/// Reads the stakeholder form and the review page back into a <see cref="StageAnswer"/>. Tolerant: it
/// never throws on posted input; missing fields read as empty, values are trimmed, empty and removed
/// rows are dropped, absurd row numbers ignored. Checking the result is the validator's job.
/// </summary>
public static class FormReader
{
    public const int MaxBlankRows = 10;

    /// <summary>
    /// Row numbers above this are ignored. A review page's draft merges several stakeholders' lists, so it
    /// can show more than <see cref="Limits.ListItems"/> rows (the validator then says so); never this many.
    /// </summary>
    internal const int MaxRowIndex = Limits.ListItems * 10;

    public static StageAnswer ReadAnswer(StageKey stage, IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!Enum.IsDefined(stage))
        {
            throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage.");
        }

        var questions = InnerCycle.Get(stage).Questions.Count;
        var answer = StageAnswer.Empty(stage) with
        {
            Responses = [.. Enumerable.Range(0, questions).Select(i => Single(form[FormFields.Response(i)]))],
        };

        foreach (var list in StageLists.For(stage))
        {
            answer = list.WithRows(answer, ReadRows(list, form));
        }

        return answer;
    }

    public static FormAction ReadAction(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = form[FormFields.Action];
        if (values.Count != 1)
        {
            return new(FormActionKind.Unknown);
        }

        var action = values[0]?.Trim() ?? string.Empty;
        if (action.StartsWith(FormFields.AddRowPrefix, StringComparison.Ordinal))
        {
            var list = action[FormFields.AddRowPrefix.Length..];
            return StageKeys.InOrder.Any(stage => StageLists.Find(stage, list) is { Single: false, FixedKeys: null })
                ? new(FormActionKind.AddRow, list)
                : new(FormActionKind.Unknown);
        }

        return action switch
        {
            FormFields.Submit => new(FormActionKind.Submit),
            FormFields.Approve => new(FormActionKind.Approve),
            FormFields.RequestChanges => new(FormActionKind.RequestChanges),
            FormFields.Reject => new(FormActionKind.Reject),
            _ => new(FormActionKind.Unknown),
        };
    }

    /// <summary>
    /// How many rows of each list the posted form showed but left empty (not counting rows marked removed):
    /// shown again, the page keeps exactly the empty rows the person had.
    /// </summary>
    public static BlankRows ReadBlankRows(StageKey stage, IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var list in StageLists.For(stage).Where(l => !l.Single && l.FixedKeys is null))
        {
            var empty = RowIndexes(list, form).Count(index => !IsTicked(form[list.FieldName(index, FormFields.Remove)]) && !HasContent(list, ReadRow(list, form, index)));
            rows[list.Name] = Math.Min(empty, MaxBlankRows);
        }

        return new BlankRows(rows);
    }

    public static string ReadComment(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Single(form[FormFields.Comment]);
    }

    private static List<Row> ReadRows(EditorList list, IFormCollection form)
    {
        var rows = new List<Row>();
        foreach (var index in RowIndexes(list, form))
        {
            if (!list.Single && IsTicked(form[list.FieldName(index, FormFields.Remove)]))
            {
                continue;
            }

            var row = ReadRow(list, form, index);
            if (HasContent(list, row))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static Row ReadRow(EditorList list, IFormCollection form, int index)
    {
        var row = new Row();
        foreach (var field in list.Fields)
        {
            if (field.Kind == FieldKind.Choices)
            {
                var text = field.FreeText ? SplitNames(Single(form[list.FieldName(index, field.Name + FormFields.FreeTextSuffix)])) : [];
                row.Set(field.Name, Names(form[list.FieldName(index, field.Name)].Concat(text)));
            }
            else
            {
                row.Set(field.Name, Single(form[list.FieldName(index, field.Name)]));
            }
        }

        return row;
    }

    private static bool HasContent(EditorList list, Row row) => list.Fields.Any(f => f.CountsAsContent && row.Many(f.Name).Count > 0);

    /// <summary>The row numbers present in the form, in order; malformed and absurd ones are skipped.</summary>
    private static IEnumerable<int> RowIndexes(EditorList list, IFormCollection form)
    {
        if (list.Single)
        {
            return [0];
        }

        var prefix = list.Name + "[";
        var indexes = new SortedSet<int>();
        foreach (var key in form.Keys)
        {
            if (key is null || !key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var close = key.IndexOf(']', prefix.Length);
            var digits = close < 0 ? default : key.AsSpan(prefix.Length, close - prefix.Length);
            if (digits.Length is > 0 and <= 4
                && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index <= MaxRowIndex)
            {
                indexes.Add(index);
            }
        }

        return indexes;
    }

    private static string Single(StringValues values) =>
        values.Count == 0 ? string.Empty : Clean(values[0]);

    private static string Clean(string? value) => value is null ? string.Empty : value.ReplaceLineEndings("\n").Trim();

    private static bool IsTicked(StringValues values) =>
        values.Any(v => !string.IsNullOrWhiteSpace(v) && !string.Equals(v.Trim(), "false", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> SplitNames(string text) =>
        text.Split([',', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Trimmed, non-empty, first spelling of each name kept (names compare as <see cref="TextKey"/>).</summary>
    private static List<string> Names(IEnumerable<string?> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = Clean(value);
            if (name.Length > 0 && seen.Add(TextKey.Normalize(name)))
            {
                names.Add(name);
            }
        }

        return names;
    }
}

/// <summary>The names of the form fields that are not list items; shared by the pages and the reader.</summary>
internal static class FormFields
{
    public const string Action = "action";
    public const string Comment = "comment";

    /// <summary>The hash of the draft the review page showed: an approval with edits counts only if it is still the draft under review.</summary>
    public const string DraftBase = "draftBase";
    public const string Remove = "remove";
    public const string FreeTextSuffix = "Text";
    public const string AddRowPrefix = "add:";
    public const string Submit = "submit";
    public const string Approve = "approve";
    public const string RequestChanges = "requestChanges";
    public const string Reject = "reject";

    public static string Response(int index) => $"responses[{index.ToString(CultureInfo.InvariantCulture)}]";
}
