using Microsoft.AspNetCore.Http.HttpResults;

namespace StrategyFlow.LocalHost.Mailbox;

/// <summary>
/// The development mailbox: SendGrid's mail-send endpoint, the inbox pages, a JSON API for tests and
/// scripts, and fault injection. Development only: the local host is the only place it exists.
/// </summary>
public static class DevMailboxExtensions
{
    public static WebApplicationBuilder AddDevMailbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DevMailboxOptions>().Bind(builder.Configuration.GetSection(DevMailboxOptions.SectionName));
        builder.Services.AddSingleton<MailboxStore>();
        builder.Services.AddSingleton(new MailboxFaults(FaultRates.Parse(builder.Configuration["STRATEGYFLOW_MAILBOX_FAULTS"])));
        return builder;
    }

    public static WebApplication MapDevMailbox(this WebApplication app)
    {
        app.MapPost("/v3/mail/send", SendGridEndpoint.SendAsync);

        var mailbox = app.MapGroup("/dev/mailbox").AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.ContentSecurityPolicy = MailboxPages.PagePolicy;
            headers["Referrer-Policy"] = "no-referrer";
            headers.XContentTypeOptions = "nosniff";
            return await next(context);
        });

        mailbox.MapGet("", (MailboxStore store, string? to) =>
            Results.Content(MailboxPages.Inbox(store.List(to), to), "text/html; charset=utf-8"));

        mailbox.MapGet("/messages/{id}/view", (MailboxStore store, string id) =>
            store.Find(id) is { } message
                ? Results.Content(MailboxPages.Message(message), "text/html; charset=utf-8")
                : Results.Content(MailboxPages.NotFound(), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound));

        mailbox.MapGet("/messages/{id}/body", (HttpContext http, MailboxStore store, string id) =>
        {
            if (store.Find(id) is not { } message)
            {
                return Results.Content(MailboxPages.NotFound(), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }
            http.Response.Headers.ContentSecurityPolicy = MailboxPages.BodyPolicy;
            return Results.Content(MailboxPages.Body(message), "text/html; charset=utf-8");
        });

        // ?since= lets a poller ask only for what is new instead of the whole mailbox each time.
        mailbox.MapGet("/messages", (MailboxStore store, string? to, DateTimeOffset? since) =>
            TypedResults.Ok(store.List(to, since).Select(MailboxListItem.From)));

        mailbox.MapGet("/messages/{id}", Results<Ok<StoredMessage>, ProblemHttpResult> (MailboxStore store, string id) =>
            store.Find(id) is { } message
                ? TypedResults.Ok(message)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Message not found"));

        mailbox.MapDelete("/messages", (MailboxStore store) =>
        {
            store.Clear();
            return TypedResults.NoContent();
        });

        mailbox.MapGet("/faults", (MailboxFaults faults) => TypedResults.Ok(new { faults.Rates.Rate429, faults.Rates.Rate503, faults.Rates.DelaySeconds, faults.Held }));

        mailbox.MapPost("/faults", Results<Ok<FaultRates>, ValidationProblem> (MailboxFaults faults, FaultRates rates) =>
        {
            if (rates.Problem() is { } problem)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["rates"] = [problem] });
            }
            faults.Rates = rates;
            return TypedResults.Ok(rates);
        });

        return app;
    }
}
