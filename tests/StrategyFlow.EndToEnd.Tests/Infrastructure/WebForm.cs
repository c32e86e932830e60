using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace StrategyFlow.EndToEnd.Tests.Infrastructure;

/// <summary>A page served at a form link, read like a browser reads it.</summary>
public sealed record WebPage(HttpStatusCode StatusCode, string Html)
{
    public IHtmlDocument Document { get; } = new HtmlParser().ParseDocument(Html);

    public string Text => Document.Body?.TextContent ?? "";

    /// <summary>Which notice the page is (e.g. <c>AnswerReceived</c>, <c>RoundClosed</c>), or null for a form.</summary>
    public string? Notice => Document.QuerySelector("[data-notice]")?.GetAttribute("data-notice");
}

/// <summary>
/// The one form of a page as a browser would submit it: its successful controls in document order,
/// which a test edits like a person types, then posts back (application/x-www-form-urlencoded).
/// </summary>
public sealed class WebForm
{
    private readonly List<KeyValuePair<string, string>> _fields = [];
    private readonly List<(string Name, string Value)> _checkboxes = [];
    private readonly string _link;

    private WebForm(string link, IHtmlFormElement form)
    {
        _link = link;
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box:
                    _checkboxes.Add((box.Name!, box.Value));
                    if (box.IsChecked)
                    {
                        _fields.Add(new(box.Name!, box.Value));
                    }
                    break;
                case IHtmlInputElement { Type: "radio" } radio:
                    if (radio.IsChecked)
                    {
                        _fields.Add(new(radio.Name!, radio.Value));
                    }
                    break;
                case IHtmlInputElement { Type: "submit" or "button" or "reset" or "image" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    _fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    _fields.Add(new(area.Name!, area.Value.Replace("\n", "\r\n", StringComparison.Ordinal)));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    _fields.AddRange(select.SelectedOptions.Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
                    break;
            }
        }
    }

    public static WebForm Of(string link, WebPage page)
    {
        var form = Assert.Single(page.Document.Forms);
        return new WebForm(link, form);
    }

    public bool Has(string name) => _fields.Any(f => f.Key == name);

    /// <summary>The single value of a field (fails when it is not on the form).</summary>
    public string Value(string name) => _fields.Single(f => f.Key == name).Value;

    /// <summary>The values offered by the checkboxes named <paramref name="name"/>.</summary>
    public IReadOnlyList<string> Choices(string name) => [.. _checkboxes.Where(c => c.Name == name).Select(c => c.Value)];

    /// <summary>Names of the fields matching a pattern, e.g. every <c>channelOwners[i].owner</c>.</summary>
    public IReadOnlyList<string> Names(Func<string, bool> match) => [.. _fields.Select(f => f.Key).Where(match).Distinct()];

    /// <summary>Types into a field: replaces its value (the field must exist on the form).</summary>
    public WebForm Set(string name, string value)
    {
        var index = _fields.FindIndex(f => f.Key == name);
        Assert.True(index >= 0, $"The form has no field '{name}'. Fields: {string.Join(", ", _fields.Select(f => f.Key))}");
        _fields[index] = new(name, value);
        return this;
    }

    /// <summary>Ticks exactly these boxes of a checkbox group.</summary>
    public WebForm Tick(string name, params string[] values)
    {
        Assert.All(values, v => Assert.Contains((name, v), _checkboxes));
        _fields.RemoveAll(f => f.Key == name);
        _fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    /// <summary>Presses a button: posts the fields with <c>action</c> set as that button would.</summary>
    public Task<WebPage> PostAsync(HttpClient http, string action)
    {
        var body = _fields.Where(f => f.Key != "action").Append(new("action", action)).ToList();
        return Pages.PostAsync(http, _link, body);
    }
}

/// <summary>Fetching form links as a browser does.</summary>
public static class Pages
{
    public static async Task<WebPage> GetAsync(HttpClient http, string link)
    {
        using var response = await http.GetAsync(new Uri(link));
        return new WebPage(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<WebPage> PostAsync(HttpClient http, string link, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync(new Uri(link), content);
        return new WebPage(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The page at <paramref name="link"/> and its form.</summary>
    public static async Task<(WebPage Page, WebForm Form)> OpenFormAsync(HttpClient http, string link)
    {
        var page = await GetAsync(http, link);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {link} answered {(int)page.StatusCode}: {page.Text}");
        return (page, WebForm.Of(link, page));
    }
}
