using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace StrategyFlow.Workflow.Tests.Pages;

/// <summary>Parses rendered HTML like a browser and posts a form back the way a browser would.</summary>
internal static class HtmlForm
{
    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The successful controls of the page's form, as the browser would submit them, plus the pressed button.</summary>
    public static FormCollection Submit(string html, string action, Action<Dictionary<string, List<string>>>? edit = null)
    {
        var document = Parse(html);
        var form = Assert.Single(document.Forms);
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string name, string value)
        {
            if (!fields.TryGetValue(name, out var values))
            {
                fields[name] = values = [];
            }

            values.Add(value);
        }

        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                    {
                        Add(box.Name!, box.Value);
                    }

                    break;
                case IHtmlInputElement input:
                    Add(input.Name!, input.Value);
                    break;
                case IHtmlTextAreaElement area:
                    Add(area.Name!, area.Value.Replace("\n", "\r\n", StringComparison.Ordinal)); // browsers post CRLF
                    break;
                case IHtmlSelectElement select:
                    Add(select.Name!, select.Value ?? string.Empty);
                    break;
            }
        }

        Add("action", action);
        edit?.Invoke(fields);
        return new FormCollection(fields.ToDictionary(f => f.Key, f => new StringValues([.. f.Value]), StringComparer.Ordinal));
    }

    public static IElement ById(IHtmlDocument document, string id) =>
        document.GetElementById(id) ?? throw new Xunit.Sdk.XunitException($"No element #{id}.");
}
