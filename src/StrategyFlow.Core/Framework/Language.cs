using System.Text.Json.Serialization;

namespace StrategyFlow.Core.Framework;

/// <summary>The language a strategy is run in: every page, email and document follows it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Language>))]
public enum Language
{
    [JsonStringEnumMemberName("fi")] Fi,
    [JsonStringEnumMemberName("en")] En,
}

/// <summary>A piece of text in both languages of the product.</summary>
public sealed record LocalizedText(string Fi, string En)
{
    public string In(Language language) => language == Language.Fi ? Fi : En;

    public override string ToString() => En;
}
