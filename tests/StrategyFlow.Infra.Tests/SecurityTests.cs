using System.Text.Json.Nodes;

namespace StrategyFlow.Infra.Tests;

/// <summary>No keys anywhere; every data plane reached only with Entra ID.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class SecurityTests(CompiledTemplate template)
{
    // Ways a storage key, SAS or key-bearing connection string gets into a template.
    public static TheoryData<string> KeyPatterns => new()
    {
        "listKeys(",
        "listAccountSas(",
        "listServiceSas(",
        "AccountKey=",
        "SharedAccessSignature",
        "SharedAccessKey",
        "DefaultEndpointsProtocol=",
        "primaryKey",
    };

    [Theory]
    [MemberData(nameof(KeyPatterns))]
    public void CompiledTemplate_KeyPattern_DoesNotAppear(string pattern) =>
        Assert.DoesNotContain(pattern, template.Json, StringComparison.OrdinalIgnoreCase);

    [Theory]
    [MemberData(nameof(KeyPatterns))]
    public void BicepSources_KeyPattern_DoesNotAppear(string pattern)
    {
        var sources = Directory.EnumerateFiles(Repository.PathOf("infra"), "*.bicep", SearchOption.AllDirectories).ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, file => Assert.DoesNotContain(pattern, File.ReadAllText(file), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void StorageAccount_SharedKeyAndAnonymousAccess_AreOff()
    {
        var account = template.SingleResource("storage", "Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool)account["allowSharedKeyAccess"]!);
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.True((bool)account["defaultToOAuthAuthentication"]!);
        Assert.True((bool)account["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);
    }

    [Fact]
    public void BlobService_VersioningAndSoftDelete_AreOn()
    {
        var blobs = template.SingleResource("storage", "Microsoft.Storage/storageAccounts/blobServices")["properties"]!;

        Assert.True((bool)blobs["isVersioningEnabled"]!);
        Assert.True((bool)blobs["deleteRetentionPolicy"]!["enabled"]!);
        Assert.True((bool)blobs["containerDeleteRetentionPolicy"]!["enabled"]!);
    }

    [Fact]
    public void Containers_ArchiveAndSubmissions_ExistAndArePrivate()
    {
        var containers = template.ResourcesOf("storage", "Microsoft.Storage/storageAccounts/blobServices/containers");
        var names = containers.Select(c => (string)c["name"]!).ToList();

        Assert.Contains(names, n => n.EndsWith("'strategies')]", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith("'submissions')]", StringComparison.Ordinal));
        Assert.All(containers, c => Assert.Equal("None", (string?)c["properties"]!["publicAccess"]));
    }

    [Fact]
    public void StrategiesImmutability_Parameter_TurnsOnVersionLevelRetention()
    {
        var strategies = template.ResourcesOf("storage", "Microsoft.Storage/storageAccounts/blobServices/containers")
            .Single(c => ((string)c["name"]!).EndsWith("'strategies')]", StringComparison.Ordinal));
        var policy = template.SingleResource("storage", "Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies");

        Assert.Equal("[greater(parameters('strategiesImmutabilityDays'), 0)]", (string?)strategies["properties"]!["immutableStorageWithVersioning"]!["enabled"]);
        Assert.Equal("[greater(parameters('strategiesImmutabilityDays'), 0)]", (string?)policy["condition"]);
        Assert.Equal("[parameters('strategiesImmutabilityDays')]", (string?)policy["properties"]!["immutabilityPeriodSinceCreationInDays"]);
        Assert.Equal(0, (int)template.Root["parameters"]!["strategiesImmutabilityDays"]!["defaultValue"]!);
    }

    [Fact]
    public void KeyVault_RbacAndPurgeProtection_AreOn()
    {
        var vault = template.SingleResource("key-vault", "Microsoft.KeyVault/vaults")["properties"]!;

        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)vault["enablePurgeProtection"]!);
        Assert.Null(vault["accessPolicies"]);
    }

    [Fact]
    public void ApplicationInsights_LocalAuth_IsOff()
    {
        var insights = template.SingleResource("monitoring", "Microsoft.Insights/components")["properties"]!;

        Assert.True((bool)insights["DisableLocalAuth"]!);
        Assert.NotNull(insights["WorkspaceResourceId"]);
    }

    [Fact]
    public void BasicPublishingCredentials_FtpAndScm_AreDenied()
    {
        var policies = template.ResourcesOf("function-app", "Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.Equal(["ftp", "scm"], policies.Select(PolicyName).Order(StringComparer.Ordinal));
        Assert.All(policies, p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    private static string PolicyName(JsonObject policy) =>
        ((string)policy["name"]!).Split('\'')[^2];
}
