using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Tests.Support;

/// <summary>One small, coherent strategy: a valid answer per stage and what each stage may refer to.</summary>
internal static class AnswerSamples
{
    public static StrategyContext Context { get; } = new()
    {
        BusinessGoals = ["Kasvattaa B2B-liidejä 20 %", "Vahvistaa työnantajakuvaa"],
        ApprovedGoals = ["More B2B leads", "Stronger employer brand"],
        ApprovedChannels = ["LinkedIn", "Instagram"],
        ApprovedActivities = ["Weekly case study", "Employee stories"],
    };

    public static StageAnswer Goals { get; } = new()
    {
        Stage = StageKey.Goals,
        Responses = ["Buyers research on LinkedIn.", ""],
        Goals =
        [
            new("More B2B leads", "Kasvattaa B2B-liidejä 20 %", "Leads per month", "+20 %"),
            new("Stronger employer brand", "Vahvistaa työnantajakuvaa", "Applications per opening", "30"),
        ],
    };

    public static StageAnswer Audiences { get; } = new()
    {
        Stage = StageKey.Audiences,
        Responses = ["IT buyers and job seekers.", "LinkedIn, Instagram.", ""],
        Audiences =
        [
            new("IT buyers", "CIOs of mid-size firms", AudiencePriority.High),
            new("Job seekers", "Developers", AudiencePriority.Medium),
        ],
        Channels =
        [
            new("LinkedIn", ["IT buyers", "Job seekers"], "Reach buyers"),
            new("Instagram", ["Job seekers"], "Show the culture"),
        ],
    };

    public static StageAnswer Activities { get; } = new()
    {
        Stage = StageKey.Activities,
        Responses = ["Both.", "Case studies and stories."],
        Activities =
        [
            new("Weekly case study", "One customer case", ["More B2B leads"], ["LinkedIn"], "Weekly", "Leads", "Monthly"),
            new("Employee stories", "A developer's week", ["Stronger employer brand"], ["Instagram"], "Biweekly", "Applications", "Quarterly"),
        ],
    };

    public static StageAnswer Ownership { get; } = new()
    {
        Stage = StageKey.Ownership,
        Responses = ["Olli.", "Sanna and Pekka.", "Marketing and HR."],
        OverallOwner = new("Olli Omistaja", "olli@acme.example"),
        ChannelOwners = [new("LinkedIn", "Sanna"), new("Instagram", "Pekka")],
        ActivityOwners = [new("Weekly case study", "Sanna"), new("Employee stories", "Pekka")],
        Participants = [new("Marketing", "Writes and publishes posts"), new("HR", "Finds employee stories")],
    };

    public static StageAnswer For(StageKey stage) => stage switch
    {
        StageKey.Goals => Goals,
        StageKey.Audiences => Audiences,
        StageKey.Activities => Activities,
        _ => Ownership,
    };

    /// <summary>Every stage, for theories.</summary>
    public static TheoryData<StageKey> Stages { get; } = [.. StageKeys.InOrder];
}
