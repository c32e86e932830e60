namespace StrategyFlow.Bench.Driving;

/// <summary>
/// A valid answer per stage, as the form fields a browser posts (field names from
/// src/StrategyFlow.Workflow/Pages/Editor/StageLists.cs). Stage 3 refers to the goal and channel that stages 1
/// and 2 approve, and stage 4 names an owner for each of them, so every strategy passes the coherence checks.
/// </summary>
public static class FormAnswers
{
    public const string BusinessGoal = "Kasvattaa B2B-liidejä 20 %";
    private const string Goal = "Lisää liidejä LinkedInistä";
    private const string Audience = "IT-päättäjät";
    private const string Channel = "LinkedIn";
    private const string Activity = "Asiakastarinat";

    // More than any stage asks; the form reads only as many as the stage has questions.
    private const int Responses = 8;

    public static IReadOnlyList<KeyValuePair<string, string>> Answer(string stage, string action, string ownerEmail)
    {
        var fields = new List<KeyValuePair<string, string>>();
        void Add(string name, string value) => fields.Add(KeyValuePair.Create(name, value));

        for (var i = 0; i < Responses; i++)
        {
            Add($"responses[{i}]", $"Vastaus {i + 1}");
        }
        switch (stage)
        {
            case "goals":
                Add("goals[0].title", Goal);
                Add("goals[0].businessGoal", BusinessGoal);
                Add("goals[0].metric", "liidit / kk");
                Add("goals[0].target", "50");
                break;
            case "audiences":
                Add("audiences[0].name", Audience);
                Add("audiences[0].priority", "high");
                Add("audiences[0].description", "Keskisuurten yritysten IT-johto");
                Add("channels[0].name", Channel);
                Add("channels[0].audiences", Audience);
                Add("channels[0].purpose", "Asiantuntijuuden näyttäminen");
                break;
            case "activities":
                Add("activities[0].title", Activity);
                Add("activities[0].description", "Kuukauden asiakastarina videona");
                Add("activities[0].goals", Goal);
                Add("activities[0].channels", Channel);
                Add("activities[0].cadence", "2 / kk");
                Add("activities[0].metric", "klikkaukset");
                Add("activities[0].reviewEvery", "kuukausittain");
                break;
            case "ownership":
                Add("overallOwner.name", "Olli Omistaja");
                Add("overallOwner.email", ownerEmail);
                Add("channelOwners[0].channel", Channel);
                Add("channelOwners[0].owner", "Sanna");
                Add("activityOwners[0].activity", Activity);
                Add("activityOwners[0].owner", "Sanna");
                Add("participants[0].who", "Markkinointi");
                Add("participants[0].role", "Sisällöntuotanto");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage.");
        }
        Add("comment", "Tarkennetaan mittareita.");
        Add("action", action);
        return fields;
    }
}
