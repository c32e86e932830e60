using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using StrategyFlow.Core.Framework;
using T = StrategyFlow.Core.Documents.DocumentText;

namespace StrategyFlow.Core.Documents;

/// <summary>
/// Writes the document as one self-contained, printable HTML page: inline CSS only, no scripts, no
/// external resources, no links made from user text. All text goes through <see cref="HtmlEncoder"/>.
/// </summary>
internal static class HtmlRenderer
{
    /// <summary>Encodes &lt; &gt; &amp; quotes and control characters; leaves letters such as ä readable.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public const string Style = """
        :root{color-scheme:light;--ink:#1b2330;--muted:#4a5568;--line:#d8dde6;--accent:#1f4e8c;--accent-soft:#eef3fa;--paper:#fff;--desk:#eceef2}
        *{box-sizing:border-box}
        body{margin:0;background:var(--desk);color:var(--ink);font:15px/1.55 "Segoe UI","Helvetica Neue",Arial,"Liberation Sans",sans-serif;overflow-wrap:anywhere}
        .page{max-width:1040px;margin:32px auto;padding:56px 64px;background:var(--paper);border-radius:4px;box-shadow:0 1px 3px rgba(0,0,0,.08),0 8px 24px rgba(0,0,0,.06)}
        .cover{border-bottom:3px solid var(--accent);padding-bottom:28px;margin-bottom:8px}
        .eyebrow,.kicker{margin:0 0 6px;color:var(--accent);font-size:13px;font-weight:600;letter-spacing:.08em;text-transform:uppercase}
        h1{margin:0 0 14px;font-size:32px;line-height:1.2}
        h2{margin:44px 0 12px;color:var(--accent);font-size:23px;line-height:1.3}
        .stage h2{margin-top:0}
        h3{margin:30px 0 10px;font-size:17px}
        h4{margin:18px 0 4px;font-size:15px}
        p{margin:0 0 10px}
        .outcome{margin:0 0 22px}
        .facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:8px 24px;margin:0}
        .facts div{display:contents}
        .facts dt{padding-top:2px;color:var(--muted);font-size:12px;letter-spacing:.06em;text-transform:uppercase}
        .facts dd{margin:0;font-weight:600;overflow-wrap:break-word}
        .goals li{margin:4px 0}
        .stage{margin-top:48px;padding-top:36px;border-top:1px solid var(--line)}
        .guidance{color:var(--muted)}
        .principle{margin:18px 0 8px;padding:12px 18px;border-left:4px solid var(--accent);background:var(--accent-soft)}
        .principle p{margin:0}
        .principle strong{color:var(--accent)}
        .answer{margin:0 0 8px;padding-left:14px;border-left:2px solid var(--line)}
        .meta{display:grid;grid-template-columns:1fr 1.6fr;gap:0 40px}
        .people{margin:0;padding-left:20px}
        table{width:100%;margin:6px 0 18px;border-collapse:collapse;font-size:14px}
        th,td{padding:8px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top;overflow-wrap:break-word}
        thead th{background:#f4f6f9;border-bottom:2px solid var(--line);color:var(--muted);font-size:12px;letter-spacing:.04em;text-transform:uppercase}
        tbody th{font-weight:600}
        .badge{display:inline-block;padding:1px 9px;border:1px solid transparent;border-radius:999px;font-size:13px;font-weight:600;white-space:nowrap}
        .tone-positive{background:#e6f4ea;border-color:#b7dfc3;color:#14532d}
        .tone-warning{background:#fff4e0;border-color:#f0cf9a;color:#7a3e00}
        .tone-negative{background:#fde8e8;border-color:#f2b8b8;color:#8a1c1c}
        .code{font-family:"Cascadia Mono",Consolas,"DejaVu Sans Mono","Liberation Mono",monospace;font-size:12px;white-space:nowrap}
        .facts .code{white-space:normal;word-break:break-all}
        .empty{color:var(--muted)}
        time{white-space:nowrap}
        footer{margin-top:48px;padding-top:12px;border-top:1px solid var(--line);color:var(--muted);font-size:13px}
        @page{size:A4;margin:16mm 14mm}
        @media print{
        body{background:#fff;font-size:10.5pt}
        .page{max-width:none;margin:0;padding:0;border-radius:0;box-shadow:none}
        .stage,.trace{break-before:page;margin-top:0;padding-top:0;border-top:0}
        h2,h3,h4{break-after:avoid}
        tr,.principle,.answer{break-inside:avoid}
        thead{display:table-header-group}
        .badge,thead th,.principle{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        }
        @media screen and (max-width:760px){
        .page{margin:0;padding:24px 18px}
        .meta,.facts{grid-template-columns:minmax(0,1fr)}
        table,tbody,tr,th,td{display:block}
        thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
        tr{padding:8px 0;border-bottom:1px solid var(--line)}
        th,td{border:0;padding:2px 0}
        [data-label]::before{content:attr(data-label);display:block;color:var(--muted);font-size:11px;font-weight:400;letter-spacing:.06em;text-transform:uppercase}
        .code{white-space:normal}
        }
        """;

    /// <summary>
    /// The page's own Content-Security-Policy: nothing may load or run; only the inline style above,
    /// pinned by its hash. Also sent as a header by whoever serves the page.
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; base-uri 'none'; form-action 'none'";

    public static string Render(DocumentView view)
    {
        var lang = view.Language;
        var html = new StringBuilder(32_768);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(view.LanguageCode).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(E(ContentSecurityPolicy)).Append("\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<title>").Append(E(view.Title)).Append(" – ").Append(E(view.Organization)).Append("</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main class=\"page\">\n");

        html.Append("<header class=\"cover\">\n<p class=\"eyebrow\">").Append(E(view.Organization)).Append("</p>\n<h1>")
            .Append(E(view.Title)).Append("</h1>\n<p class=\"outcome\">").Append(E(view.Outcome.Label)).Append(": ")
            .Append(CellHtml(view.Outcome.Value)).Append("</p>\n");
        Facts(html, view.Facts);
        html.Append("</header>\n");

        html.Append("<section aria-labelledby=\"business-goals\">\n");
        Heading(html, 2, T.BusinessGoals.In(lang), "business-goals");
        List(html, "ol", "goals", view.BusinessGoals, T.NoBusinessGoals.In(lang));
        html.Append("</section>\n");
        Section(html, "overview", null, view.Overview);
        foreach (var stage in view.Stages)
        {
            Stage(html, stage, lang);
        }

        Section(html, "traceability", "trace", view.Traceability, T.TraceabilityIntro.In(lang));
        Section(html, "findings", null, view.Findings);
        Section(html, "decisions", null, view.Decisions);
        html.Append("<footer>\n<p>").Append(E(view.Footer)).Append("</p>\n</footer>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Stage(StringBuilder html, StageView stage, Language lang)
    {
        var id = $"stage-{stage.Number}";
        html.Append("<section class=\"stage\" aria-labelledby=\"").Append(id).Append("\">\n<p class=\"kicker\">")
            .Append(E($"{T.Stage.In(lang)} {stage.Number}/{InnerCycle.Stages.Count}")).Append("</p>\n");
        Heading(html, 2, stage.Title, id);
        html.Append("<p class=\"guidance\">").Append(E(stage.Guidance)).Append("</p>\n")
            .Append("<div class=\"principle\"><p><strong>").Append(E(T.Principle.In(lang))).Append(":</strong> ")
            .Append(E(stage.Principle)).Append("</p></div>\n");

        Heading(html, 3, T.GuidingQuestions.In(lang));
        foreach (var answer in stage.Answers)
        {
            Heading(html, 4, answer.Question);
            html.Append("<div class=\"answer\">\n");
            if (answer.Paragraphs.Count == 0)
            {
                Note(html, T.NoAnswer.In(lang));
            }

            foreach (var paragraph in answer.Paragraphs)
            {
                html.Append("<p>").AppendJoin("<br>\n", paragraph.Select(E)).Append("</p>\n");
            }

            html.Append("</div>\n");
        }

        foreach (var table in stage.Tables)
        {
            Heading(html, 3, table.Heading);
            Table(html, table);
        }

        html.Append("<div class=\"meta\">\n<div>\n");
        Heading(html, 3, T.Contributors.In(lang));
        List(html, "ul", "people", stage.Contributors, T.NoContributors.In(lang));
        html.Append("</div>\n<div>\n");
        Heading(html, 3, T.Approval.In(lang));
        Facts(html, stage.Approval);
        html.Append("</div>\n</div>\n</section>\n");
    }

    private static void Section(StringBuilder html, string id, string? cssClass, DocumentTable table, string? intro = null)
    {
        html.Append("<section");
        if (cssClass is not null)
        {
            html.Append(" class=\"").Append(cssClass).Append('"');
        }

        html.Append(" aria-labelledby=\"").Append(id).Append("\">\n");
        Heading(html, 2, table.Heading, id);
        if (intro is not null)
        {
            html.Append("<p>").Append(E(intro)).Append("</p>\n");
        }

        Table(html, table);
        html.Append("</section>\n");
    }

    private static void Table(StringBuilder html, DocumentTable table)
    {
        if (table.Rows.Count == 0)
        {
            Note(html, table.WhenEmpty);
            return;
        }

        html.Append("<table>\n<thead>\n<tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th scope=\"col\">").Append(E(column)).Append("</th>");
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                // The first column names the item: it is the row's header for screen readers. On a phone the cells stack,
                // each under its column's name.
                var label = E(table.Columns[i]);
                html.Append(i == 0 ? $"<th scope=\"row\" data-label=\"{label}\">" : $"<td data-label=\"{label}\">").Append(CellHtml(row[i])).Append(i == 0 ? "</th>" : "</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>An <c>ol</c> or <c>ul</c> of the items, or a note when there are none.</summary>
    private static void List(StringBuilder html, string tag, string cssClass, IReadOnlyList<string> items, string whenEmpty)
    {
        if (items.Count == 0)
        {
            Note(html, whenEmpty);
            return;
        }

        html.Append('<').Append(tag).Append(" class=\"").Append(cssClass).Append("\">\n");
        foreach (var item in items)
        {
            html.Append("<li>").Append(E(item)).Append("</li>\n");
        }

        html.Append("</").Append(tag).Append(">\n");
    }

    private static void Facts(StringBuilder html, IEnumerable<Fact> facts)
    {
        html.Append("<dl class=\"facts\">\n");
        foreach (var fact in facts)
        {
            html.Append("<div><dt>").Append(E(fact.Label)).Append("</dt><dd>").Append(CellHtml(fact.Value)).Append("</dd></div>\n");
        }

        html.Append("</dl>\n");
    }

    private static string CellHtml(Cell cell)
    {
        if (cell.IsEmpty)
        {
            return $"<span class=\"empty\">{T.Empty}</span>";
        }

        var text = string.Join("<br>", cell.Lines.Select(E));
        if (cell.At is { } at)
        {
            text = $"<time datetime=\"{E(T.Iso(at))}\">{text}</time>";
        }

        if (cell.Code)
        {
            text = $"<span class=\"code\">{text}</span>";
        }

        return cell.Tone switch
        {
            Tone.Positive => $"<span class=\"badge tone-positive\">{text}</span>",
            Tone.Warning => $"<span class=\"badge tone-warning\">{text}</span>",
            Tone.Negative => $"<span class=\"badge tone-negative\">{text}</span>",
            _ => text,
        };
    }

    private static void Heading(StringBuilder html, int level, string text, string? id = null)
    {
        html.Append("<h").Append(level);
        if (id is not null)
        {
            html.Append(" id=\"").Append(id).Append('"');
        }

        html.Append('>').Append(E(text)).Append("</h").Append(level).Append(">\n");
    }

    private static void Note(StringBuilder html, string text) =>
        html.Append("<p class=\"empty\">").Append(E(text)).Append("</p>\n");

    /// <summary>Encodes one line of text for an HTML text node or a quoted attribute value.</summary>
    private static string E(string? text) => Encoder.Encode(TextBlocks.Line(text));
}
