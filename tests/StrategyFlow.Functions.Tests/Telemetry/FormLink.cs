using System.Security.Cryptography;
using System.Text;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.Extensibility.Implementation;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;

namespace StrategyFlow.Functions.Tests.Telemetry;

/// <summary>A real form-link token and what Application Insights would send for a telemetry item.</summary>
internal static class FormLink
{
    public static readonly string Token = new LinkTokens(new LinkSigningKeys(RandomNumberGenerator.GetBytes(32), []), TimeProvider.System)
        .Create(new LinkClaims("acme-2027", "r7Kq2VbX9mTz", StageKey.Goals, 1, "sanna@acme.example", LinkRole.Stakeholder, DateTimeOffset.UtcNow.AddDays(5)));

    public const string Host = "https://strategyflow.azurewebsites.net";

    /// <summary>The item as it goes on the wire to the ingestion endpoint (the SDK's own serializer).</summary>
    public static string Wire(ITelemetry telemetry) =>
        Encoding.UTF8.GetString(JsonSerializer.Serialize([telemetry], compress: false));
}
