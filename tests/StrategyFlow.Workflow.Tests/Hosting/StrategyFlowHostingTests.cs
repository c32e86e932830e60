using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StrategyFlow.Workflow.Configuration;
using StrategyFlow.Workflow.Hosting;

namespace StrategyFlow.Workflow.Tests.Hosting;

public sealed class StrategyFlowHostingTests
{
    private const string Reference = "@Microsoft.KeyVault(SecretUri=https://kv-strategyflow.vault.azure.net/secrets/some-secret/)";

    [Fact]
    public void Options_CompleteSettings_Resolve()
    {
        var options = Resolve(Settings());

        Assert.Equal("SG.test-key", options.Mail.ApiKey);
        Assert.Equal(new Uri("https://stflow.blob.core.windows.net"), new Uri(options.Storage.BlobServiceUri!));
    }

    [Theory]
    [InlineData("StrategyFlow:Mail:ApiKey")]
    [InlineData("StrategyFlow:Links:SigningKey")]
    [InlineData("StrategyFlow:Links:PreviousSigningKeys")]
    public void Options_UnresolvedKeyVaultReference_FailNamingTheSetting(string setting)
    {
        var settings = Settings();
        settings[setting] = Reference;

        var error = Assert.Throws<OptionsValidationException>(() => Resolve(settings));

        var failure = Assert.Single(error.Failures, f => f.Contains("Key Vault", StringComparison.Ordinal));
        Assert.StartsWith($"Key Vault references did not resolve: {setting}.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_SeveralUnresolvedReferences_AreAllNamed()
    {
        var settings = Settings();
        settings["StrategyFlow:Mail:ApiKey"] = Reference;
        settings["StrategyFlow:Links:SigningKey"] = "  " + Reference.ToLowerInvariant();

        var error = Assert.Throws<OptionsValidationException>(() => Resolve(settings));

        Assert.Contains(error.Failures, f => f.StartsWith(
            "Key Vault references did not resolve: StrategyFlow:Links:SigningKey, StrategyFlow:Mail:ApiKey.", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_ReferenceTextInsideAValue_IsNotAReference()
    {
        var settings = Settings();
        settings["StrategyFlow:Mail:SenderName"] = "Team " + Reference;

        Assert.Equal("Team " + Reference, Resolve(settings).Mail.SenderName);
    }

    [Theory]
    [InlineData("30.00:00:00")]
    [InlineData("364.00:00:00")]
    public void Options_HistoryKeptShorterThanReadOnlyLinksLive_FailNamingBoth(string keepEndedFor)
    {
        var settings = Settings();
        settings["StrategyFlow:Retention:KeepEndedFor"] = keepEndedFor;

        var error = Assert.Throws<OptionsValidationException>(() => Resolve(settings));

        Assert.Contains(error.Failures, f => f.Contains("KeepEndedFor", StringComparison.Ordinal) && f.Contains("ReadOnlyLifetime", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("365.00:00:00", 365)]
    [InlineData("00:00:00", 0)]
    public void Options_HistoryKeptAsLongAsLinksOrForEver_Resolve(string keepEndedFor, int days)
    {
        var settings = Settings();
        settings["StrategyFlow:Retention:KeepEndedFor"] = keepEndedFor;

        Assert.Equal(TimeSpan.FromDays(days), Resolve(settings).Retention.KeepEndedFor);
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        ["StrategyFlow:PublicBaseUrl"] = "https://func-strategyflow.azurewebsites.net",
        ["StrategyFlow:Mail:ApiKey"] = "SG.test-key",
        ["StrategyFlow:Mail:SenderEmail"] = "noreply@strategyflow.test",
        ["StrategyFlow:Links:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["StrategyFlow:Storage:BlobServiceUri"] = "https://stflow.blob.core.windows.net",
    };

    private static StrategyFlowOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddStrategyFlow(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<StrategyFlowOptions>>().Value;
    }
}
