using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace StrategyFlow.Workflow.Configuration;

/// <summary>
/// On Azure, secrets are app settings of the form <c>@Microsoft.KeyVault(…)</c> that the platform
/// replaces with the secret. When it cannot (no access, missing secret), the app sees the reference
/// text itself: refuse to start and name the settings, instead of failing later with a bad key.
/// </summary>
internal sealed class KeyVaultReferences(IConfiguration section) : IValidateOptions<StrategyFlowOptions>
{
    private const string Prefix = "@Microsoft.KeyVault(";

    public ValidateOptionsResult Validate(string? name, StrategyFlowOptions options)
    {
        var unresolved = section.AsEnumerable()
            .Where(setting => setting.Value?.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) == true)
            .Select(setting => setting.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        return unresolved.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Key Vault references did not resolve: {string.Join(", ", unresolved)}. Check that the secret exists "
                + "and that the app's managed identity may read it (Key Vault Secrets User); the portal shows the reason per app setting.");
    }
}
