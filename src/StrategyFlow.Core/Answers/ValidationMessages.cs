using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Answers;

/// <summary>The messages of <see cref="AnswerValidator"/>, in both languages: what is wrong and what to do.</summary>
internal static class ValidationMessages
{
    /// <summary>Field names as people read them, keyed by the JSON name that ends a field path.</summary>
    internal static class Labels
    {
        public static readonly LocalizedText Response = new("vastaus", "answer");
        public static readonly LocalizedText Title = new("otsikko", "title");
        public static readonly LocalizedText Name = new("nimi", "name");
        public static readonly LocalizedText Description = new("kuvaus", "description");
        public static readonly LocalizedText Metric = new("mittari", "metric");
        public static readonly LocalizedText Target = new("tavoitetaso", "target");
        public static readonly LocalizedText Purpose = new("tarkoitus", "purpose");
        public static readonly LocalizedText Cadence = new("toistuvuus", "cadence");
        public static readonly LocalizedText ReviewEvery = new("arviointiväli", "review interval");
        public static readonly LocalizedText Channel = new("kanava", "channel");
        public static readonly LocalizedText Activity = new("aktiviteetti", "activity");
        public static readonly LocalizedText Owner = new("omistaja", "owner");
        public static readonly LocalizedText Email = new("sähköposti", "email");
        public static readonly LocalizedText Who = new("kuka", "who");
        public static readonly LocalizedText Role = new("rooli", "role");
    }

    public static LocalizedText Required(LocalizedText label) =>
        new($"Täytä kenttä ”{label.Fi}”.", $"Please fill in the {label.En}.");

    public static LocalizedText EmptyEntry { get; } =
        new("Tyhjä kohta: täytä se tai poista se listalta.", "This entry is empty: fill it in or remove it from the list.");

    public static LocalizedText TooLong(LocalizedText label, int max, int actual) =>
        new($"Kenttä ”{label.Fi}” on liian pitkä: enintään {max} merkkiä, nyt {actual}.",
            $"The {label.En} is too long: at most {max} characters, now {actual}.");

    public static LocalizedText TooMany(int max, int actual) =>
        new($"Liian monta kohtaa: enintään {max}, nyt {actual}.", $"Too many entries: at most {max}, now {actual}.");

    public static LocalizedText InvalidCharacters(LocalizedText label) =>
        new($"Kentässä ”{label.Fi}” on näkymättömiä ohjausmerkkejä. Kirjoita teksti uudelleen tai liitä se pelkkänä tekstinä.",
            $"The {label.En} contains invisible control characters. Retype it or paste it as plain text.");

    public static LocalizedText Duplicate(string value) =>
        new($"{Quote.Fi(value)} on listalla jo aiemmin. Yhdistä kohdat yhdeksi.",
            $"{Quote.En(value)} is already in the list. Merge the two entries into one.");

    public static LocalizedText UnknownBusinessGoal(string value) =>
        new($"{Quote.Fi(value)} ei ole mikään strategian liiketoiminnan tavoitteista. Valitse jokin niistä tai jätä kenttä tyhjäksi.",
            $"{Quote.En(value)} is not one of the strategy's business goals. Choose one of them or leave the field empty.");

    public static LocalizedText UnknownAudience(string value) =>
        new($"{Quote.Fi(value)} ei ole tämän vastauksen kohderyhmissä. Lisää se kohderyhmiin tai poista se kanavalta.",
            $"{Quote.En(value)} is not one of the audiences in this answer. Add it to the audiences or remove it from the channel.");

    public static LocalizedText UnknownGoal(string value) =>
        new($"{Quote.Fi(value)} ei ole hyväksytty tavoite. Valitse hyväksytyistä tavoitteista.",
            $"{Quote.En(value)} is not an approved goal. Choose one of the approved goals.");

    public static LocalizedText UnknownChannel(string value) =>
        new($"{Quote.Fi(value)} ei ole hyväksytty kanava. Valitse hyväksytyistä kanavista.",
            $"{Quote.En(value)} is not an approved channel. Choose one of the approved channels.");

    public static LocalizedText UnknownActivity(string value) =>
        new($"{Quote.Fi(value)} ei ole hyväksytty aktiviteetti. Valitse hyväksytyistä aktiviteeteista.",
            $"{Quote.En(value)} is not an approved activity. Choose one of the approved activities.");

    public static LocalizedText InvalidEmail(string value) =>
        new($"{Quote.Fi(value)} ei ole kelvollinen sähköpostiosoite (muotoa nimi@esimerkki.fi).",
            $"{Quote.En(value)} is not a valid email address (like name@example.com).");

    public static LocalizedText NotThisStage(StageDefinition owner) =>
        new($"Tämä lista kuuluu vaiheeseen {owner.Number} ({owner.Title.Fi}). Jätä se tässä vaiheessa tyhjäksi.",
            $"This list belongs to stage {owner.Number} ({owner.Title.En}). Leave it empty in this stage.");

    public static LocalizedText WrongCount(int expected, int actual) =>
        new($"Vastauksia pitää olla {expected}, yksi kutakin kysymystä kohden (tyhjäkin käy); nyt niitä on {actual}.",
            $"Expected {expected} answers, one per question (an empty one is fine); got {actual}.");

    public static LocalizedText InvalidPriority { get; } =
        new("Valitse prioriteetti: high (korkea), medium (keskitaso) tai low (matala).",
            "Choose a priority: high, medium or low.");

    public static LocalizedText UnknownStage { get; } =
        new("Tuntematon vaihe. Vaiheet ovat goals, audiences, activities ja ownership.",
            "Unknown stage. The stages are goals, audiences, activities and ownership.");
}
