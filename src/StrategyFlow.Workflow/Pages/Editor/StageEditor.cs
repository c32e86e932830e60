using System.Globalization;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

/// <summary>Adds read-only notes to an existing row of a list editor (the review page shows contributors, conflicts and findings); <paramref name="rowId"/> is the row's anchor.</summary>
internal delegate void RowAnnotation(HtmlBuilder html, EditorList list, Row row, string rowId);

/// <summary>
/// The editable part of a stage: a textarea per guiding question and a row editor per structured list,
/// prefilled from the answer. Identical on the stakeholder form and the review page, so
/// <see cref="FormReader"/> reads both. Works without JavaScript: a row is added by a submit button whose
/// <c>formaction</c> is the new row's anchor, so the page that comes back opens at that row and the next Tab lands
/// in its first field.
/// </summary>
internal sealed class StageEditor(EditorScope scope, ErrorIndex errors, BlankRows blankRows, RowAnnotation? annotate = null)
{
    private Language Language => scope.Language;

    /// <summary>The id of the last empty row of a list: where its "+ Add" button brings the person back to.</summary>
    public static string NewRowId(EditorList list) => "new-" + list.Name;

    public void Responses(HtmlBuilder html, LocalizedText title, LocalizedText hint)
    {
        var stage = InnerCycle.Get(scope.Answer.Stage);
        html.Open("section", ("class", "card"), ("aria-labelledby", "h-responses"))
            .Element("h2", title.In(Language), ("id", "h-responses"))
            .Element("p", hint.In(Language), ("class", "meta"));
        for (var i = 0; i < stage.Questions.Count; i++)
        {
            var value = i < scope.Answer.Responses.Count ? scope.Answer.Responses[i] : string.Empty;
            LongText(html, FormFields.Response(i), stage.Questions[i].In(Language), null, value, Limits.LongText);
        }

        html.Close("section");
    }

    /// <summary>A labelled textarea (a guiding question, the approver's comment) with its hint and errors.</summary>
    public void LongText(HtmlBuilder html, string name, string label, string? hint, string value, int maxLength)
    {
        var control = Control(name, label, hint is not null);
        html.Open("div", ("class", "field")).Element("label", label, ("for", control.Id));
        control.WriteHint(html, hint);
        html.TextArea(value, control.Attributes("rows", "5", ("maxlength", Max(maxLength))));
        control.WriteErrors(html);
        html.Close("div");
    }

    public void Lists(HtmlBuilder html)
    {
        foreach (var list in StageLists.For(scope.Answer.Stage))
        {
            var headingId = "h-" + list.Name;
            html.Open("section", ("class", "card list"), ("id", Id(list.Name)), ("aria-labelledby", headingId))
                .Element("h2", list.Title.In(Language), ("id", headingId));
            if (list.Hint is { } hint)
            {
                html.Element("p", hint.In(Language), ("class", "meta"));
            }

            WriteErrors(html, errors.Take(list.Name, withItems: false, Id(list.Name), list.Title.In(Language)), null);
            if (list.Single)
            {
                var row = list.ToRows(scope.Answer).FirstOrDefault() ?? new Row();
                annotate?.Invoke(html, list, row, Id(list.Name));
                Fields(html, list, 0, row, list.Title.In(Language));
            }
            else if (list.FixedKeys is not null)
            {
                FixedRows(html, list);
            }
            else
            {
                EditableRows(html, list);
            }

            html.Close("section");
        }
    }

    private void EditableRows(HtmlBuilder html, EditorList list)
    {
        var rows = list.ToRows(scope.Answer).ToList();
        var item = list.Item.In(Language);
        var total = rows.Count + blankRows.For(list.Name);
        for (var i = 0; i < total; i++)
        {
            var isNew = i >= rows.Count;
            var row = isNew ? new Row() : rows[i];
            var rowId = i == total - 1 && isNew ? NewRowId(list) : Id(list.RowPath(i));
            var heading = isNew
                ? PageText.NewItem.Format(Language, item.ToLower(Culture))
                : PageText.ItemNumber.Format(Language, item, i + 1);
            html.Open("div", ("class", isNew ? "row new" : "row"), ("id", rowId), ("role", "group"), ("aria-labelledby", rowId + "-h"))
                .Open("div", ("class", "row-head"))
                .Element("h3", heading, ("id", rowId + "-h"));
            if (!isNew)
            {
                RemoveBox(html, list, i);
            }

            html.Close("div");
            WriteErrors(html, errors.Take(list.RowPath(i), withItems: false, rowId, heading), null);
            if (!isNew)
            {
                annotate?.Invoke(html, list, row, rowId);
            }

            Fields(html, list, i, row, heading);
            html.Close("div");
        }

        html.Open("div", ("class", "actions"))
            .Element("button", PageText.AddItem.Format(Language, item.ToLower(Culture)),
                ("type", "submit"), ("class", "add"), ("name", FormFields.Action), ("value", FormFields.AddRowPrefix + list.Name),
                ("formaction", "#" + NewRowId(list)))
            .Close("div");
    }

    /// <summary>
    /// One row per key (every approved channel), then rows for keys that are not approved. Rows are
    /// shown in the order of the keys, so errors are looked up by the item's place in the answer.
    /// </summary>
    private void FixedRows(HtmlBuilder html, EditorList list)
    {
        var key = list.KeyField.Name;
        var existing = list.ToRows(scope.Answer).ToList();
        var keys = Distinct(list.FixedKeys!(scope));
        int? Source(Func<Row, bool> match) => existing.FindIndex(r => match(r)) is var j and >= 0 ? j : null;
        var rows = keys.Select(k => (Source: Source(r => TextKey.Same(r.One(key), k)), Key: k, Approved: true))
            .Concat(existing.Select((r, j) => (Source: (int?)j, Key: r.One(key), Approved: false)).Where(r => !keys.Any(k => TextKey.Same(k, r.Key))))
            .ToList();
        if (rows.Count == 0)
        {
            html.Element("p", PageText.NothingApproved.In(Language), ("class", "empty"));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var (source, rowKey, approved) = rows[i];
            var row = source is { } j ? existing[j] : new Row().Set(key, rowKey);
            var rowId = Id(list.RowPath(i));
            var label = approved ? rowKey : $"{rowKey} {PageText.NotApproved.In(Language)}";
            var where = $"{list.Title.In(Language)} · {label}";
            html.Open("div", ("class", "row pair"), ("id", rowId))
                .Void("input", ("type", "hidden"), ("name", list.FieldName(i, key)), ("value", row.One(key)));
            if (source is { } k)
            {
                WriteErrors(html, errors.Take(list.RowPath(k), withItems: false, rowId, where), null);
                WriteErrors(html, errors.Take(list.FieldName(k, key), withItems: true, rowId, where), null);
            }

            annotate?.Invoke(html, list, row, rowId);
            foreach (var field in list.Fields.Where(f => f.Kind != FieldKind.Fixed))
            {
                Field(html, field, list.FieldName(i, field.Name), row, label, where, source is { } e ? list.FieldName(e, field.Name) : null);
            }

            if (!approved)
            {
                html.Open("div", ("class", "row-head"));
                RemoveBox(html, list, i);
                html.Close("div");
            }

            html.Close("div");
        }
    }

    /// <summary>Short fields side by side in a grid, long ones and checkbox groups full width.</summary>
    private void Fields(HtmlBuilder html, EditorList list, int index, Row row, string where)
    {
        var inGrid = false;
        foreach (var field in list.Fields)
        {
            var wide = field.Kind is FieldKind.Area or FieldKind.Choices;
            if (inGrid && wide)
            {
                html.Close("div");
                inGrid = false;
            }
            else if (!inGrid && !wide)
            {
                html.Open("div", ("class", "grid"));
                inGrid = true;
            }

            Field(html, field, list.FieldName(index, field.Name), row, field.Label.In(Language), $"{where} · {field.Label.In(Language)}");
        }

        if (inGrid)
        {
            html.Close("div");
        }
    }

    // errorPath: where validation reports problems with this field, when that is not its form name.
    private void Field(HtmlBuilder html, EditorField field, string name, Row row, string label, string where, string? errorPath = null)
    {
        var control = Control(name, where, field.Hint is not null, errorPath ?? name);
        if (field.Kind == FieldKind.Choices)
        {
            ChoicesField(html, field, name, row, control);
            return;
        }

        html.Open("div", ("class", "field")).Element("label", label, ("for", control.Id));
        control.WriteHint(html, field.Hint?.In(Language));
        var value = row.One(field.Name);
        switch (field.Kind)
        {
            case FieldKind.Area:
                html.TextArea(value, control.Attributes("rows", "3", ("maxlength", Max(field.MaxLength)), ("class", "short")));
                break;
            case FieldKind.Select:
                html.Open("select", control.Attributes(null, null));
                var choices = Distinct(field.Choices(scope).Select(c => c.Value)).ToList();
                var chosen = choices.FirstOrDefault(c => TextKey.Same(c, value)) ?? (value.Length > 0 ? value : field.Default);
                if (field.Optional)
                {
                    html.Element("option", PageText.Choose.In(Language), ("value", string.Empty), ("selected", chosen.Length == 0 ? string.Empty : null));
                }

                if (chosen.Length > 0 && !choices.Contains(chosen, StringComparer.Ordinal))
                {
                    choices.Add(chosen);
                }

                var labels = field.Choices(scope).ToDictionary(c => c.Value, c => c.Label, StringComparer.Ordinal);
                foreach (var choice in choices)
                {
                    html.Element("option", labels.GetValueOrDefault(choice, choice),
                        ("value", choice), ("selected", string.Equals(choice, chosen, StringComparison.Ordinal) ? string.Empty : null));
                }

                html.Close("select");
                break;
            default:
                html.Void("input", control.Attributes(
                    "type", field.Kind == FieldKind.Email ? "email" : "text",
                    ("value", value), ("maxlength", Max(field.MaxLength)), ("autocomplete", field.Kind == FieldKind.Email ? "email" : "off")));
                break;
        }

        control.WriteErrors(html);
        html.Close("div");
    }

    /// <summary>
    /// Checkboxes for the offered names. Chosen names that are not offered stay visible: in the text
    /// input when the field has one, otherwise as extra ticked boxes marked "not approved".
    /// </summary>
    private void ChoicesField(HtmlBuilder html, EditorField field, string name, Row row, FieldControl control)
    {
        var offered = Distinct(field.Choices(scope).Select(c => c.Value));
        var chosen = row.Many(field.Name);
        var others = chosen.Where(c => !offered.Any(o => TextKey.Same(o, c))).ToList();
        var boxes = offered.Select(o => (Value: o, Label: o, Ticked: chosen.Any(c => TextKey.Same(c, o))))
            .Concat(field.FreeText ? [] : others.Select(o => (Value: o, Label: $"{o} {PageText.NotApproved.In(Language)}", Ticked: true)))
            .ToList();

        html.Open("fieldset", ("class", "field"), ("id", control.Id), ("aria-describedby", control.DescribedBy))
            .Element("legend", field.Label.In(Language));
        control.WriteHint(html, field.Hint?.In(Language));
        if (boxes.Count == 0 && !field.FreeText)
        {
            html.Element("p", PageText.NothingToChoose.In(Language), ("class", "empty"));
        }

        if (boxes.Count > 0)
        {
            html.Open("div", ("class", "choices"));
            for (var k = 0; k < boxes.Count; k++)
            {
                var boxId = $"{control.Id}-{k.ToString(CultureInfo.InvariantCulture)}";
                html.Open("label", ("class", "check"), ("for", boxId))
                    .Void("input", ("type", "checkbox"), ("id", boxId), ("name", name), ("value", boxes[k].Value), ("checked", boxes[k].Ticked ? string.Empty : null))
                    .Text(boxes[k].Label)
                    .Close("label");
            }

            html.Close("div");
        }

        if (field.FreeText)
        {
            var textId = control.Id + FormFields.FreeTextSuffix;
            html.Element("label", PageText.OtherNames.In(Language), ("for", textId), ("class", "sub"))
                .Void("input", ("type", "text"), ("id", textId), ("name", name + FormFields.FreeTextSuffix),
                    ("value", string.Join(", ", others)), ("maxlength", Max(Limits.MediumText)), ("autocomplete", "off"));
        }

        control.WriteErrors(html);
        html.Close("fieldset");
    }

    private void RemoveBox(HtmlBuilder html, EditorList list, int index)
    {
        var name = list.FieldName(index, FormFields.Remove);
        html.Open("label", ("class", "check remove"), ("for", Id(name)))
            .Void("input", ("type", "checkbox"), ("id", Id(name)), ("name", name), ("value", "true"))
            .Text(PageText.Remove.In(Language))
            .Close("label");
    }

    /// <summary>A control, and the errors reported at <paramref name="errorPath"/> (its form name unless the rows are reordered).</summary>
    private FieldControl Control(string name, string where, bool hasHint, string? errorPath = null) =>
        new(name, Id(name), hasHint, errors.Take(errorPath ?? name, withItems: true, Id(name), where));

    internal static void WriteErrors(HtmlBuilder html, IReadOnlyList<string> messages, string? id)
    {
        if (messages.Count == 0)
        {
            return;
        }

        html.Open("div", ("class", "field-error"), ("id", id));
        foreach (var message in messages)
        {
            html.Element("p", message);
        }

        html.Close("div");
    }

    /// <summary>Form field name to element id: <c>goals[0].title</c> → <c>f-goals-0-title</c>.</summary>
    internal static string Id(string name)
    {
        var id = new System.Text.StringBuilder("f-", name.Length + 2);
        foreach (var c in name)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return id.ToString().Replace("--", "-", StringComparison.Ordinal).TrimEnd('-');
    }

    private static List<string> Distinct(IEnumerable<string> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. values.Where(v => v.Length > 0 && seen.Add(TextKey.Normalize(v)))];
    }

    private static string Max(int length) => length.ToString(CultureInfo.InvariantCulture);

    private CultureInfo Culture => Language == Language.Fi ? CultureInfo.GetCultureInfo("fi-FI") : CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A control's id, its hint and error ids, and the errors placed on it.</summary>
    private sealed record FieldControl(string Name, string Id, bool HasHint, IReadOnlyList<string> Errors)
    {
        public string? DescribedBy => (HasHint, Errors.Count > 0) switch
        {
            (true, true) => $"{Id}-hint {Id}-error",
            (true, false) => $"{Id}-hint",
            (false, true) => $"{Id}-error",
            _ => null,
        };

        /// <summary>Attributes of the input, textarea or select, optionally led by one more and followed by extras.</summary>
        public (string, string?)[] Attributes(string? firstName, string? firstValue, params (string, string?)[] extra) =>
        [
            .. firstName is null ? Array.Empty<(string, string?)>() : [(firstName, firstValue)],
            ("id", Id), ("name", Name), .. extra,
            ("aria-describedby", DescribedBy), ("aria-invalid", Errors.Count > 0 ? "true" : null),
        ];

        public void WriteHint(HtmlBuilder html, string? hint)
        {
            if (HasHint && hint is not null)
            {
                html.Element("span", hint, ("class", "hint"), ("id", Id + "-hint"));
            }
        }

        public void WriteErrors(HtmlBuilder html) => StageEditor.WriteErrors(html, Errors, Id + "-error");
    }
}
