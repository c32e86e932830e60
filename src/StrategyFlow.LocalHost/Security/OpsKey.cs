using System.Security.Cryptography;
using System.Text;
using StrategyFlow.LocalHost.Hosting;

namespace StrategyFlow.LocalHost.Security;

/// <summary>
/// The ops key check, as Azure Functions does it for function keys: header <c>x-functions-key</c> or
/// query <c>?code=</c>, compared in constant time. The key itself is never logged.
/// </summary>
public static class OpsKey
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    /// <summary>Every endpoint of the group, and any unknown path under it, answers 401 problem+json without the ops key.</summary>
    public static RouteGroupBuilder RequireOpsKey(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var expected = http.RequestServices.GetRequiredService<LocalContract>().OpsKey;
            var presented = http.Request.Headers[HeaderName].FirstOrDefault()
                ?? http.Request.Query[QueryName].FirstOrDefault();
            if (presented is null || !Matches(presented, expected))
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "Ops key required",
                    detail: $"Send the ops key in the {HeaderName} header.");
            }
            return await next(context);
        });

        // Any other path under the group is a 404 for key holders only: without the key, probing finds nothing.
        group.Map("{**unknown}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found"));
        return group;
    }

    /// <summary>Constant-time comparison; hashing first makes the time independent of the lengths too.</summary>
    public static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
