namespace StrategyFlow.Core.Framework;

/// <summary>
/// M-Brain's social media framework, inner cycle: the four stages as data. The Finnish text is the
/// seed's own words (tests/StrategyFlow.Core.Tests/Framework/m-brain-inner-cycle.fi.txt); the English is a faithful translation.
/// </summary>
public static class InnerCycle
{
    public static StageDefinition Goals { get; } = new(
        StageKey.Goals,
        new("Tavoitteiden asettaminen", "Goals"),
        new(
            "Sosiaalisen median työtä ei pitäisi koskaan tehdä eristyksissä muusta organisaatiosta. Tavoitteiden asettaminen organisaation muiden tavoitteiden mukaisesti takaa sen, että sosiaalisen median työskentely on linjassa organisaation mission ja vision kanssa.",
            "Social media work should never be done in isolation from the rest of the organisation. Setting goals in line with the organisation's other goals ensures that social media work is aligned with the organisation's mission and vision."),
        [
            new("Miksi meidän on tärkeää olla aktiivisia sosiaalisessa mediassa?",
                "Why is it important for us to be active on social media?"),
            new("Mitä yritämme saavuttaa sosiaalisen median näkyvyyden avulla?",
                "What are we trying to achieve through social media visibility?"),
        ],
        new(
            "Sosiaalisen median tavoitteiden pitäisi aina tukea laajempia liiketoiminnan tavoitteita, eli kun sosiaalisen median tavoitteet on saavutettu, organisaation pitäisi olla lähempänä tavoitteitaan myös kokonaisuutena.",
            "Social media goals always support the wider business goals: when the social media goals are reached, the organisation as a whole should be closer to its goals too."));

    public static StageDefinition Audiences { get; } = new(
        StageKey.Audiences,
        new("Kohderyhmien ja -kanavien määrittäminen", "Audiences and channels"),
        new(
            "Sosiaalisen median kautta voi tavoittaa monenlaisia yleisöjä, mutta mitkä niistä ovat sinulle tärkeimpiä? On tärkeää ymmärtää, keitä kohderyhmääsi kuuluu ja missä sosiaalisen median kanavassa heidät parhaiten tavoittaa.",
            "Social media can reach many kinds of audiences, but which of them matter most to you? It is important to understand who belongs to your target groups and on which social media channel they are best reached."),
        [
            new("Kenen huomiota me tavoittelemme?", "Whose attention are we seeking?"),
            new("Missä kanavissa tavoittelemamme yleisöt ovat?", "On which channels are the audiences we seek?"),
            new("Missä käydään eniten meidän toimialaamme koskevaa keskustelua?",
                "Where does most of the conversation about our industry take place?"),
        ],
        new(
            "Relevantit kohdeyleisöt ja -kanavat tulee määritellä ennen kuin niiden tavoittamiseen ja ylläpitämiseen investoidaan suuria summia aikaa ja rahaa.",
            "Define the relevant audiences and channels before investing time and money in reaching and maintaining them."));

    public static StageDefinition Activities { get; } = new(
        StageKey.Activities,
        new("Aktiviteettien suunnitteleminen", "Activities"),
        new(
            "Myös tekemisen huolellinen suunnittelu on osa panostusten oikeaa kohdentamista. Konkreettisten sosiaalisen median aktiviteettien ideointiin kannattaa käyttää aikaa, sillä huolellisuus tässä työvaiheessa takaa sen, ettet ajaudu liian kauas asettamistasi sosiaalisen median tavoitteista.",
            "Careful planning of the work is also part of targeting the effort well. It pays to spend time on ideas for concrete social media activities: care at this step keeps you from drifting away from the social media goals you set."),
        [
            new("Mitkä asettamistamme tavoitteista ovat saavutettavissa konkreettisten aktiviteettien kautta?",
                "Which of our goals can be reached through concrete activities?"),
            new("Millaisten aktiviteettien avulla voimme saavuttaa asettamamme tavoitteet?",
                "What kinds of activities help us reach our goals?"),
        ],
        new(
            "Suunniteltujen ja toteutettujen aktiviteettien tulisi olla suoraan kytköksissä organisaation yleisiin tavoitteisiin, ja niiden toimivuutta tulisi mitata säännöllisesti.",
            "Every activity is tied to the organisation's goals, and its effect is measured regularly."));

    public static StageDefinition Ownership { get; } = new(
        StageKey.Ownership,
        new("Omistajuuden määrittäminen", "Ownership"),
        new(
            "Jotta kaikki tämä valmistautuminen ja suunnittelu muuttuisi toiminnaksi ja teoiksi, pitää huolehtia myös siitä, että omistajuus on selvästi määritelty. Kaikille tulisi olla päivänselvää, kenen vastuulla tietyt kanavat tai niihin suunnitellut sisällöt ovat.",
            "For all this preparation and planning to turn into action, ownership must be clearly defined. It should be plain to everyone who is responsible for each channel and for the content planned for it."),
        [
            new("Kuka on vastuussa sosiaalisen median strategiasta ja näkyvyydestä kokonaisuutena?",
                "Who is responsible for the strategy and visibility as a whole?"),
            new("Kuka on vastuussa yksittäisistä sosiaalisen median aktiviteeteista?",
                "Who is responsible for individual activities?"),
            new("Ketkä työntekijät ja mitkä organisaation osat ovat mukana sosiaalisen median työssä, ja mikä heidän roolinsa on?",
                "Which employees and units take part, and in what role?"),
        ],
        new(
            "Kaikille tulisi olla päivänselvää, kenen vastuulla tietyt kanavat tai niihin suunnitellut sisällöt ovat; jollain on kokonaisvaltainen näkemys ja seurantavastuu sosiaalisen median työstä kokonaisuutena.",
            "Everyone knows who owns each channel and each piece of content; one person owns the whole."));

    /// <summary>The stages in the order they run.</summary>
    public static IReadOnlyList<StageDefinition> Stages { get; } = [Goals, Audiences, Activities, Ownership];

    public static StageDefinition Get(StageKey key) => Stages[key.Number() - 1];
}
