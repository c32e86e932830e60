using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Serialization;

namespace StrategyFlow.Core.Tests.Samples;

/// <summary>
/// One realistic strategy, Acme Oy's social media strategy for 2027, run through all four stages:
/// three business goals, the goals stage sent back once for a missing metric, one goal still without
/// an activity and one ownership conflict left as warnings. The same strategy in Finnish and English.
/// </summary>
public static class SampleStrategy
{
    public const string Id = "acme-2027";

    private const string Sanna = "sanna.sisalto@acme.example";
    private const string Pekka = "pekka.myynti@acme.example";
    private const string Maria = "maria.rekry@acme.example";
    private const string Aino = "aino.arvioija@acme.example";
    private const string Olli = "olli.omistaja@acme.example";

    private static readonly DateTimeOffset Started = At(2027, 1, 4, 8, 0);

    /// <summary>The parts <see cref="StrategyDocument.Create"/> takes, for tests that vary one of them.</summary>
    public sealed record Parts(
        StrategyHeader Header,
        DocumentOutcome Outcome,
        IReadOnlyList<ApprovedStage> Stages,
        IReadOnlyList<DecisionRecord> Decisions,
        IReadOnlyList<Finding> Findings,
        DateTimeOffset ArchivedAt)
    {
        public StrategyDocument ToDocument() => StrategyDocument.Create(Header, Outcome, Stages, Decisions, Findings, ArchivedAt);
    }

    public static StrategyDocument Document(Language language) => Build(language).ToDocument();

    public static Parts Build(Language language)
    {
        string L(string fi, string en) => language == Language.Fi ? fi : en;

        string[] businessGoals =
        [
            L("Kasvattaa B2B-liidejä 20 % vuodessa", "Grow B2B leads by 20% a year"),
            L("Vahvistaa työnantajakuvaa insinöörien keskuudessa", "Strengthen the employer brand among engineers"),
            L("Parantaa asiakaspalvelun tavoitettavuutta", "Make customer service easier to reach"),
        ];
        var leadsGoal = L("Lisää liidejä LinkedInistä", "More leads from LinkedIn");
        var talentGoal = L("Tunnettuus nuorten osaajien keskuudessa", "Known among young professionals");
        var serviceGoal = L("Nopeat vastaukset asiakkaille", "Fast answers to customers");

        var goalsRound1 = new StageAnswer
        {
            Stage = StageKey.Goals,
            Responses =
            [
                L("Asiakkaamme ja tulevat työntekijämme etsivät tietoa meistä ensin verkosta. Jos emme ole läsnä, keskustelu käydään ilman meitä.",
                    "Our customers and future employees look for us online first. If we are not there, the conversation happens without us."),
                L("Haluamme lisää laadukkaita liidejä, näkyvyyttä osaajien keskuudessa ja nopeamman vastauskanavan asiakkaille.",
                    "We want more qualified leads, visibility among skilled people and a faster way for customers to reach us."),
            ],
            Goals =
            [
                new(leadsGoal, businessGoals[0], L("LinkedInistä tulleet liidit kuukaudessa", "Leads from LinkedIn per month"), L("40 / kk", "40 a month")),
                new(talentGoal, businessGoals[1], "", ""),
                new(serviceGoal, businessGoals[2], L("Vastausajan mediaani", "Median response time"), L("alle 4 tuntia", "under 4 hours")),
            ],
        };
        var goals = goalsRound1 with
        {
            Responses =
            [
                goalsRound1.Responses[0] + L(
                    "\n\nSosiaalinen media on myös nopein tapa kertoa uusista palveluista ja tapahtumista.",
                    "\n\nSocial media is also the quickest way to tell people about new services and events."),
                goalsRound1.Responses[1],
            ],
            Goals =
            [
                goalsRound1.Goals[0],
                new(talentGoal, businessGoals[1], L("Somesta tulleet työhakemukset", "Job applications via social media"), L("+30 % vuodessa", "+30% a year")),
                goalsRound1.Goals[2],
            ],
        };

        var buyers = L("Teollisuuden ostopäättäjät", "Industrial purchasing managers");
        var students = L("Insinööriopiskelijat ja nuoret osaajat", "Engineering students and young professionals");
        var customers = L("Nykyiset asiakkaat", "Current customers");
        var audiences = new StageAnswer
        {
            Stage = StageKey.Audiences,
            Responses =
            [
                L("Teollisuuden ostopäättäjien, insinööriopiskelijoiden ja nykyisten asiakkaidemme.",
                    "Industrial purchasing managers, engineering students and our current customers."),
                L("Ostopäättäjät ovat LinkedInissä.\nOpiskelijat käyttävät Instagramia ja LinkedIniä.\nAsiakkaat kysyvät meiltä Facebookissa.",
                    "Purchasing managers are on LinkedIn.\nStudents use Instagram and LinkedIn.\nCustomers ask us questions on Facebook."),
                L("Toimialamme keskustelu käydään LinkedInissä ja alan tapahtumissa.",
                    "Our industry talks on LinkedIn and at trade events."),
            ],
            Audiences =
            [
                new(buyers, L("Hankinnasta vastaavat johtajat keskisuurissa teollisuusyrityksissä.", "Procurement leads in mid-sized manufacturers."), AudiencePriority.High),
                new(students, L("Tulevat rekrytoitavamme: opiskelijat ja 1–5 vuotta työelämässä olleet.", "Our future hires: students and people 1–5 years into their careers."), AudiencePriority.Medium),
                new(customers, L("Yritykset, jotka käyttävät jo palveluitamme.", "Companies that already use our services."), AudiencePriority.High),
            ],
            Channels =
            [
                new("LinkedIn", [buyers, students], L("Asiantuntijuus ja liidit", "Expertise and leads")),
                new("Instagram", [students], L("Työnantajakuva ja arki Acmella", "Employer brand and everyday life at Acme")),
                new("Facebook", [customers], L("Asiakaspalvelu ja tiedotteet", "Customer service and announcements")),
            ],
        };

        var articles = L("Asiantuntija-artikkelit", "Expert articles");
        var stories = L("Työntekijätarinat", "Employee stories");
        var activities = new StageAnswer
        {
            Stage = StageKey.Activities,
            Responses =
            [
                L("Liidit ja tunnettuus osaajien keskuudessa. Asiakaspalvelun tavoitteelle ei vielä ole omaa aktiviteettia.",
                    "Leads and being known among professionals. The customer service goal has no activity of its own yet."),
                L("Asiantuntija-artikkelit LinkedInissä ja työntekijöiden omat tarinat.",
                    "Expert articles on LinkedIn and employees telling their own stories."),
            ],
            Activities =
            [
                new(articles, L("Asiantuntijamme kirjoittavat ostajien kysymyksistä.", "Our experts write about buyers' questions."),
                    [leadsGoal], ["LinkedIn"], L("2 kertaa kuukaudessa", "twice a month"), L("Artikkeleista tulleet liidit", "Leads from articles"), L("kuukausittain", "monthly")),
                new(stories, L("Insinöörimme kertovat työstään kuvin ja lyhyin videoin.", "Our engineers show their work in photos and short videos."),
                    [talentGoal], ["Instagram", "LinkedIn"], L("viikoittain", "weekly"), L("Hakemukset ja seuraajamäärä", "Applications and followers"), L("neljännesvuosittain", "quarterly")),
            ],
        };

        var marketing = L("Markkinointi", "Marketing");
        var hr = L("HR-tiimi", "HR team");
        var service = L("Asiakaspalvelu", "Customer service");
        var ownership = new StageAnswer
        {
            Stage = StageKey.Ownership,
            Responses =
            [
                L("Markkinointijohtaja Olli Omistaja.", "Olli Omistaja, head of marketing."),
                L("Artikkeleista vastaa myynti, tarinoista HR.", "Sales runs the articles, HR runs the stories."),
                L("Markkinointi koordinoi, myynti ja HR tuottavat sisältöä, asiakaspalvelu vastaa Facebookissa.",
                    "Marketing coordinates, sales and HR produce content, customer service answers on Facebook."),
            ],
            OverallOwner = new Person("Olli Omistaja", Olli),
            ChannelOwners = [new("LinkedIn", "Sanna Sisältö"), new("Instagram", hr), new("Facebook", service)],
            ActivityOwners = [new(articles, "Pekka Myynti"), new(stories, "Maria Rekry")],
            Participants =
            [
                new(marketing, L("Koordinoi kokonaisuutta ja raportoi tulokset kuukausittain", "Coordinates the whole and reports results monthly")),
                new(L("Myynti", "Sales"), L("Ideoi artikkelien aiheet ja jatkaa liidit", "Suggests article topics and follows up leads")),
                new(hr, L("Tuottaa työntekijätarinat", "Produces the employee stories")),
                new(service, L("Vastaa kysymyksiin Facebookissa arkisin", "Answers questions on Facebook on weekdays")),
            ],
        };

        var approved = new[]
        {
            Approve(goals, 2, At(2027, 1, 19, 9, 40), [Sanna, Pekka, Maria], Aino),
            Approve(audiences, 1, At(2027, 1, 27, 13, 15), [Sanna, Pekka, Maria], Aino),
            Approve(activities, 1, At(2027, 2, 4, 10, 5), [Sanna, Pekka, Maria], Aino),
            Approve(ownership, 1, At(2027, 2, 10, 12, 30), [Sanna, Pekka, Maria], Olli),
        };
        DecisionRecord[] decisions =
        [
            new(StageKey.Goals, 1, Aino, DecisionKind.ChangesRequested,
                L($"Tavoitteelta \"{talentGoal}\" puuttuvat mittari ja tavoitetaso. Lisätkää ne, niin hyväksyn.",
                    $"The goal \"{talentGoal}\" has no metric or target. Add them and I will approve."),
                At(2027, 1, 12, 14, 5), CoreJson.Sha256(goalsRound1)),
            .. approved.Select(a => new DecisionRecord(a.Stage, a.Round, a.ApprovedBy[0], DecisionKind.Approved,
                a.Stage == StageKey.Goals ? L("Kiitos, nyt tavoitteet ovat mitattavia.", "Thank you, the goals are measurable now.") : "",
                a.ApprovedAt, a.ContentSha256)),
        ];
        Finding[] findings =
        [
            new(CoherenceRules.GoalWithoutActivity, Severity.Warning, StageKey.Activities, serviceGoal, new(
                $"Tavoitetta \"{serviceGoal}\" ei palvele yksikään aktiviteetti.",
                $"No activity serves the goal \"{serviceGoal}\".")),
            new(CoherenceRules.OwnerConflict, Severity.Warning, StageKey.Ownership, "Instagram", new(
                "Vastaajat nimesivät kanavalle Instagram eri omistajat: HR-tiimi, Maria Rekry.",
                "Contributors named different owners for the channel Instagram: HR team, Maria Rekry.")),
        ];

        var header = new StrategyHeader(
            Id,
            "Acme Oy",
            L("Sosiaalisen median strategia 2027", "Social media strategy 2027"),
            language,
            new Person("Olli Omistaja", Olli),
            businessGoals,
            Started);
        return new Parts(header, DocumentOutcome.Approved, approved, decisions, findings, At(2027, 2, 10, 12, 31));
    }

    private static ApprovedStage Approve(StageAnswer content, int round, DateTimeOffset at, string[] contributors, string approver) =>
        new(content.Stage, round, content, contributors, CoreJson.Sha256(content), at, [approver]);

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
