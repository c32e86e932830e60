using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

/// <summary>The frame of every page: head with the one stylesheet, a top bar, the main content.</summary>
internal static class PageLayout
{
    public static string Document(string lang, string title, string? organization, string? strategyTitle, HtmlBuilder main)
    {
        var html = new HtmlBuilder()
            .Trusted("<!DOCTYPE html>")
            .Open("html", ("lang", lang))
            .Open("head")
            .Void("meta", ("charset", "utf-8"))
            .Void("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"))
            .Void("meta", ("name", "robots"), ("content", "noindex, nofollow"))
            .Void("meta", ("name", "referrer"), ("content", "no-referrer"))
            .Element("title", title)
            .Trusted(PageStyle.StyleElement)
            .Close("head")
            .Open("body")
            .Open("header", ("class", "top"))
            .Open("div", ("class", "wrap"))
            .Element("p", string.IsNullOrWhiteSpace(organization) ? PageText.Product.En : organization, ("class", "org"));
        if (!string.IsNullOrWhiteSpace(strategyTitle))
        {
            html.Element("p", strategyTitle, ("class", "strategy"));
        }

        return html.Close("div").Close("header")
            .Open("main", ("class", "wrap"), ("id", "main"))
            .Append(main)
            .Close("main")
            .Close("body")
            .Close("html")
            .ToString();
    }

    public static string Lang(Language language) => language == Language.Fi ? "fi" : "en";
}
