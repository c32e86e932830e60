using System.Security.Cryptography;
using System.Text;

namespace StrategyFlow.Workflow.Pages;

/// <summary>
/// The one stylesheet of StrategyFlow's pages, inlined in each page and allowed by its SHA-256 hash in
/// the Content-Security-Policy. Other hosts (the development mailbox) reuse both.
/// </summary>
public static class PageStyle
{
    /// <summary>The stylesheet, exactly as written inside the page's <c>&lt;style&gt;</c> element.</summary>
    public const string Css =
        ":root{color-scheme:light;--ink:#1b2430;--muted:#4f5b69;--line:#d6dce4;--soft:#f3f5f8;--accent:#1f4e96;--accent-dark:#173b72;--danger:#a3262c;--danger-soft:#fdeeee;--warn:#7a5200;--warn-soft:#fff6e0;--ok:#1c6b3a;--ok-soft:#e9f6ee}" +
        "*{box-sizing:border-box}" +
        "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}" +
        "body{margin:0;font:16px/1.55 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif;color:var(--ink);background:var(--soft)}" +
        ".wrap{max-width:58rem;margin:0 auto;padding:0 1.25rem}" +
        ".top{background:#14305a;color:#fff}" +
        ".top .wrap{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;align-items:baseline;padding-top:.85rem;padding-bottom:.85rem}" +
        ".top .org{font-weight:700;margin:0}" +
        ".top .strategy{margin:0;opacity:.85}" +
        "main{padding-bottom:3rem}" +
        "main,.top{overflow-wrap:anywhere}" +
        "h1{font-size:1.8rem;line-height:1.2;margin:.2rem 0 .6rem}" +
        "h2{font-size:1.3rem;line-height:1.3;margin:0 0 .8rem}" +
        "h3{font-size:1.05rem;margin:1.2rem 0 .5rem}" +
        "p{margin:0 0 .8rem}" +
        "a{color:var(--accent)}" +
        ".intro{padding-top:1.75rem}" +
        ".eyebrow{margin:0;color:var(--muted);font-size:.85rem;font-weight:600;letter-spacing:.06em;text-transform:uppercase}" +
        ".meta{color:var(--muted)}" +
        ".card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:1.25rem 1.5rem;margin:1.25rem 0}" +
        ".card>:last-child{margin-bottom:0}" +
        ".card.notice{margin-top:2.5rem}" +
        ".principle{margin:1rem 0 0;padding:.6rem 1rem;border-left:4px solid var(--accent);background:#eef3fa}" +
        ".principle strong{display:block;font-size:.85rem;letter-spacing:.04em;text-transform:uppercase;color:var(--accent-dark)}" +
        ".callout{border:1px solid;border-radius:10px;padding:1rem 1.25rem;margin:1.25rem 0}" +
        ".callout>:last-child{margin-bottom:0}" +
        ".callout h2{font-size:1.1rem;margin-bottom:.4rem}" +
        ".callout.note{background:var(--warn-soft);border-color:#e2bd5a}" +
        ".callout.error{background:var(--danger-soft);border-color:#e0a2a5}" +
        ".callout.ok{background:var(--ok-soft);border-color:#9fd0b1}" +
        ".quote{white-space:pre-wrap;margin:.4rem 0 .7rem;padding:.5rem .8rem;background:#fff;border-radius:6px}" +
        ".field{margin:0 0 1rem}" +
        "label,legend{display:block;font-weight:600;margin:0 0 .3rem;padding:0}" +
        ".hint{display:block;color:var(--muted);font-weight:400;font-size:.92rem;margin:-.15rem 0 .35rem}" +
        "input[type=text],input[type=email],select,textarea{display:block;width:100%;font:inherit;color:inherit;background:#fff;padding:.5rem .65rem;border:1px solid #8e9aa8;border-radius:6px}" +
        "textarea{min-height:7.5rem;resize:vertical}" +
        "textarea.short{min-height:4.5rem}" +
        "input[type=checkbox],input[type=radio]{flex:none;width:1.1rem;height:1.1rem;margin:0;accent-color:var(--accent)}" +
        ":focus-visible{outline:3px solid #e8a317;outline-offset:2px}" +
        "[aria-invalid=true]{border-color:var(--danger);box-shadow:0 0 0 1px var(--danger)}" +
        ".field-error{margin:.3rem 0 0;color:var(--danger);font-weight:600;font-size:.95rem}" +
        "fieldset{border:0;margin:0;padding:0;min-width:0}" +
        ".list{margin:1.5rem 0 0}" +
        ".row{border:1px solid var(--line);border-radius:8px;padding:1rem 1rem .25rem;margin:0 0 1rem;background:#fafbfd}" +
        ".row.new{border-style:dashed;background:#fff}" +
        ".row.pair{border:0;border-top:1px solid var(--line);border-radius:0;background:none;padding:.7rem 0 0;margin:0}" +
        ".pair .row-head{margin:0 0 .4rem}" +
        ".pair .field{display:grid;grid-template-columns:minmax(9rem,1fr) 2fr;gap:.25rem 1rem;align-items:center;margin:0 0 .7rem}" +
        ".pair .field label{margin:0}" +
        ".pair .field-error{grid-column:2}" +
        ".row-head{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem 1rem;align-items:center;margin:0 0 .75rem}" +
        ".row-head h4{margin:0;font-size:1rem}" +
        ".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(15rem,100%),1fr));gap:0 1rem}" +
        ".choices{display:flex;flex-wrap:wrap;gap:.35rem 1.25rem;margin:0 0 .5rem}" +
        ".check{display:inline-flex;align-items:center;gap:.45rem;font-weight:400;margin:0;min-width:0}" +
        "label.sub{font-weight:400;font-size:.95rem;margin-top:.6rem}" +
        ".empty{color:var(--muted);font-style:italic}" +
        "button{font:inherit;font-weight:600;border-radius:6px;padding:.6rem 1.15rem;border:1px solid var(--accent);cursor:pointer;background:#fff;color:var(--accent)}" +
        "button:hover{background:#eef3fa}" +
        "button.primary{background:var(--accent);color:#fff}" +
        "button.primary:hover{background:var(--accent-dark)}" +
        "button.danger{color:var(--danger);border-color:var(--danger)}" +
        "button.danger:hover{background:var(--danger-soft)}" +
        "button.add{padding:.4rem .9rem;font-size:.95rem}" +
        "a.button{display:inline-block;font-weight:600;border-radius:6px;padding:.6rem 1.15rem;background:var(--accent);color:#fff;text-decoration:none}" +
        "a.button:hover{background:var(--accent-dark)}" +
        ".email{font-size:.9rem;margin:-.15rem 0 .6rem}" +
        "p.label{font-weight:600;margin:.6rem 0 0}" +
        ".finding{margin:0 0 .6rem;padding:.45rem .75rem;border-radius:6px;font-size:.95rem}" +
        ".finding.error{background:var(--danger-soft);border:1px solid #e0a2a5}" +
        ".finding.warning{background:var(--warn-soft);border:1px solid #e2bd5a}" +
        ".tie legend{font-weight:600;margin:0 0 .35rem}" +
        ".tie .check{display:flex;margin:.3rem 0}" +
        ".tie .hint{margin:.4rem 0 0}" +
        ".actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin:1.25rem 0 0}" +
        ".actions+.meta{margin-top:.9rem}" +
        ".chips{display:flex;flex-wrap:wrap;gap:.35rem;margin:0 0 .75rem;padding:0;list-style:none;font-size:.88rem}" +
        ".chips li{background:#e8eef7;color:var(--accent-dark);border-radius:999px;padding:.1rem .65rem}" +
        ".chips .label{background:none;padding:.1rem 0;color:var(--muted)}" +
        ".conflict{margin:0 0 .75rem;padding:.5rem .8rem;border-radius:6px;background:var(--warn-soft);border:1px solid #e2bd5a;font-size:.95rem}" +
        ".conflict ul{margin:.25rem 0 0;padding-left:1.2rem}" +
        ".findings{list-style:none;margin:0;padding:0}" +
        ".findings li{display:flex;gap:.75rem;align-items:baseline;padding:.55rem 0;border-top:1px solid var(--line)}" +
        ".findings li>div{min-width:0}" +
        ".findings li:first-child{border-top:0}" +
        ".findings p{margin:0}" +
        ".badge{flex:none;font-size:.78rem;font-weight:700;letter-spacing:.04em;text-transform:uppercase;border-radius:4px;padding:.05rem .45rem}" +
        ".badge.error{background:var(--danger);color:#fff}" +
        ".badge.warning{background:#f2d27c;color:#3d2a00}" +
        ".rule{color:var(--muted);font-size:.78rem;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}" +
        ".answer{white-space:pre-wrap;margin:0 0 .8rem}" +
        ".table-wrap{overflow-x:auto;margin:0 0 1rem}" +
        "table{border-collapse:collapse;width:100%;font-size:.95rem}" +
        "th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;border-bottom:1px solid var(--line)}" +
        "th{color:var(--muted);font-weight:600}" +
        "caption{text-align:left;font-weight:600;padding:0 0 .3rem}" +
        "dl{margin:0 0 1rem}dt{font-weight:600;margin:.6rem 0 .15rem}dd{margin:0}" +
        ".contribution{border-top:1px solid var(--line);padding-top:.25rem;margin-top:1.25rem}" +
        ".contribution:first-of-type{border-top:0;margin-top:0}" +
        ".item{border:1px solid var(--line);border-radius:8px;padding:.6rem .9rem;margin:0 0 .6rem}" +
        ".item-title{font-weight:700;margin:0 0 .3rem}" +
        ".pairs{display:grid;grid-template-columns:minmax(6rem,max-content) minmax(0,1fr);gap:.2rem 1rem;margin:0;font-size:.95rem}" +
        ".pairs dt{margin:0;color:var(--muted)}" +
        ".pairs dd{white-space:pre-wrap}" +
        "h4{font-size:1rem;margin:1rem 0 .4rem}" +
        ".error-summary ul{margin:.3rem 0 0;padding-left:1.2rem}" +
        ".error-summary a{color:var(--danger);font-weight:600}" +
        ".lang+.lang{margin-top:1.5rem;padding-top:1.5rem;border-top:1px solid var(--line)}" +
        ".timeline{list-style:none;margin:0;padding:0}" +
        ".step{margin:0 0 0 .5rem;padding:.1rem 0 1rem 1.25rem;border-left:3px solid var(--line)}" +
        ".step:last-child{padding-bottom:.1rem}" +
        ".step.done{border-color:var(--ok)}.step.current{border-color:var(--accent)}.step.stopped{border-color:var(--danger)}" +
        ".step h3{margin:.35rem 0 .25rem}.step p{margin:0 0 .3rem}" +
        ".badge.step-done{background:var(--ok);color:#fff}.badge.step-current{background:var(--accent);color:#fff}" +
        ".badge.step-stopped{background:var(--danger);color:#fff}.badge.step-waiting{background:#e5e9ef;color:var(--ink)}" +
        ".columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(14rem,100%),1fr));gap:0 1.5rem}" +
        ".events{list-style:none;margin:0;padding:0}" +
        ".events li{display:flex;flex-wrap:wrap;gap:.1rem .6rem;padding:.45rem 0;border-top:1px solid var(--line)}" +
        ".events li:first-child{border-top:0}" +
        ".events time{font-weight:600;font-size:.9rem}" +
        ".events .quote{flex-basis:100%;margin:.2rem 0 0}" +
        ".downloads{margin:0 0 .6rem;padding-left:1.2rem}.downloads li{margin:.2rem 0}" +
        "@media (max-width:40rem){h1{font-size:1.45rem}.card{padding:1rem}.wrap{padding:0 .85rem}.pair .field{grid-template-columns:1fr}.pair .field-error{grid-column:1}" +
        ".pairs{grid-template-columns:minmax(0,1fr)}.pairs dd{margin-bottom:.4rem}" +
        "table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}" +
        "table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}" +
        "table.stack tr{padding:.35rem 0;border-bottom:1px solid var(--line)}table.stack td{border:0;padding:.15rem 0}" +
        "table.stack td::before{content:attr(data-label);display:block;color:var(--muted);font-size:.8rem;font-weight:600}}" +
        "@media print{body{background:#fff}.top{background:none;color:#000;border-bottom:2px solid #000}.card,.row{border-color:#999;break-inside:avoid}button,.remove,.error-summary a{display:none}a{color:inherit}}";

    /// <summary>The <c>sha256-…</c> source that allows exactly <see cref="Css"/>.</summary>
    public static string StyleHash { get; } =
        "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)));

    /// <summary>No scripts, no external anything; forms post only back to us; never framed.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src '{StyleHash}'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The <c>&lt;style&gt;</c> element to put in a page's head.</summary>
    public static string StyleElement => "<style>" + Css + "</style>";
}
