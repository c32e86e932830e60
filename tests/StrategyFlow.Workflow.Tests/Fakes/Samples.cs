using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Tests.Fakes;

/// <summary>A small, coherent Finnish strategy: start requests and one valid answer per stage.</summary>
public static class Samples
{
    public const string BusinessGoal = "Kasvattaa B2B-liidejä 20 %";
    public const string Owner = "olli@acme.example";

    public static StartStrategyRequest Request(string id, int stakeholders = 2, int approvers = 1, string policy = "any", TimingRequest? timing = null) => new()
    {
        Id = id,
        Organization = "Acme Oy",
        Title = "Sosiaalisen median strategia 2027",
        Language = "fi",
        Owner = new PersonRequest("Olli Omistaja", Owner),
        BusinessGoals = [BusinessGoal, "Vahvistaa työnantajakuvaa"],
        Stakeholders = Enumerable.Range(1, stakeholders).Select(i => new PersonRequest($"Sidosryhmä {i}", Stakeholder(i))).ToList(),
        Approvers = Enumerable.Range(1, approvers).Select(i => new PersonRequest($"Hyväksyjä {i}", Approver(i))).ToList(),
        Policy = policy,
        Timing = timing ?? new TimingRequest { ResponseWindow = "PT5M", ReminderInterval = "PT1M", MaxReminders = 2, ApprovalWindow = "PT5M" },
    };

    public static StrategyDefinition Definition(string id, int stakeholders = 2, int approvers = 1, string policy = "any", TimingRequest? timing = null)
    {
        var result = StartStrategyValidator.Validate(Request(id, stakeholders, approvers, policy, timing), id, DateTimeOffset.UtcNow);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        return result.Definition!.AsNewRun();
    }

    public static string Stakeholder(int i) => $"sidos{i}@acme.example";

    public static string Approver(int i) => $"hyvaksyja{i}@acme.example";

    public static StageAnswer Answer(StageKey stage) => stage switch
    {
        StageKey.Goals => Base(stage) with
        {
            Goals = [new Goal("Lisää liidejä LinkedInistä", BusinessGoal, "liidit / kk", "50")],
        },
        StageKey.Audiences => Base(stage) with
        {
            Audiences = [new Audience("IT-päättäjät", "Keskisuurten yritysten IT-johto", AudiencePriority.High)],
            Channels = [new Channel("LinkedIn", ["IT-päättäjät"], "Asiantuntijuuden näyttäminen")],
        },
        StageKey.Activities => Base(stage) with
        {
            Activities = [new Activity("Asiakastarinat", "Kuukauden asiakastarina videona", ["Lisää liidejä LinkedInistä"], ["LinkedIn"], "2 / kk", "klikkaukset", "kuukausittain")],
        },
        _ => Base(stage) with
        {
            OverallOwner = new Person("Olli Omistaja", Owner),
            ChannelOwners = [new ChannelOwner("LinkedIn", "Sanna")],
            ActivityOwners = [new ActivityOwner("Asiakastarinat", "Sanna")],
            Participants = [new Participant("Markkinointi", "Sisällöntuotanto")],
        },
    };

    private static StageAnswer Base(StageKey stage) => new()
    {
        Stage = stage,
        Responses = InnerCycle.Get(stage).Questions.Select((_, i) => $"Vastaus {i + 1}").ToList(),
    };
}
