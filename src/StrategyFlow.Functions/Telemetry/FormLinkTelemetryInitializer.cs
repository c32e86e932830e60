using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;
using StrategyFlow.Workflow.Http;

namespace StrategyFlow.Functions.Telemetry;

/// <summary>
/// Removes form-link tokens from everything the worker sends to Application Insights: request URLs and
/// names, dependency names and data, trace and exception messages, the operation name, and every custom
/// property (ASP.NET Core's log scope adds <c>RequestPath</c> to each log written during a request).
/// Telemetry the Functions host sends itself never passes through here (see host.json and the report).
/// </summary>
public sealed class FormLinkTelemetryInitializer : ITelemetryInitializer
{
    public void Initialize(ITelemetry telemetry)
    {
        if (telemetry is null)
        {
            return;
        }

        switch (telemetry)
        {
            case RequestTelemetry request:
                request.Url = LinkRedaction.Redact(request.Url);
                request.Name = LinkRedaction.Redact(request.Name);
                break;
            case DependencyTelemetry dependency:
                dependency.Name = LinkRedaction.Redact(dependency.Name);
                dependency.Data = LinkRedaction.Redact(dependency.Data);
                break;
            case TraceTelemetry trace:
                trace.Message = LinkRedaction.Redact(trace.Message);
                break;
            case ExceptionTelemetry exception:
                RedactException(exception);
                break;
            case EventTelemetry customEvent:
                customEvent.Name = LinkRedaction.Redact(customEvent.Name);
                break;
        }

        var operation = telemetry.Context.Operation;
        if (operation.Name is not null)
        {
            operation.Name = LinkRedaction.Redact(operation.Name);
        }

        if (telemetry is ISupportProperties withProperties)
        {
            RedactValues(withProperties.Properties);
        }

        RedactValues(telemetry.Context.GlobalProperties);
    }

    private static void RedactException(ExceptionTelemetry exception)
    {
        if (exception.Message is not null)
        {
            exception.Message = LinkRedaction.Redact(exception.Message);
        }

        foreach (var details in exception.ExceptionDetailsInfoList)
        {
            details.Message = LinkRedaction.Redact(details.Message);
        }
    }

    private static void RedactValues(IDictionary<string, string> properties)
    {
        foreach (var (key, value) in properties.ToList())
        {
            var redacted = LinkRedaction.Redact(value);
            if (!string.Equals(redacted, value, StringComparison.Ordinal))
            {
                properties[key] = redacted;
            }
        }
    }
}
