using System.Text.Json.Nodes;

namespace StrategyFlow.Infra.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class FunctionAppTests(CompiledTemplate template)
{
    private JsonObject Site => template.SingleResource("function-app", "Microsoft.Web/sites");

    [Fact]
    public void Plan_IsFlexConsumption()
    {
        var plan = template.SingleResource("function-app", "Microsoft.Web/serverfarms");

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);
    }

    [Fact]
    public void Site_Runtime_IsDotnetIsolatedTen()
    {
        var runtime = Site["properties"]!["functionAppConfig"]!["runtime"]!;

        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
        Assert.Equal("functionapp,linux", (string?)Site["kind"]);
    }

    [Fact]
    public void Site_Transport_IsHttpsOnlyTls12WithoutFtp()
    {
        var properties = Site["properties"]!;

        Assert.True((bool)properties["httpsOnly"]!);
        Assert.Equal("1.2", (string?)properties["siteConfig"]!["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)properties["siteConfig"]!["ftpsState"]);
    }

    [Fact]
    public void Site_KeyVaultReferences_ResolveAsTheUserAssignedIdentity()
    {
        const string IdentityId = "[parameters('identityId')]";
        var identity = Site["identity"]!;

        Assert.Equal("UserAssigned", (string?)identity["type"]);
        Assert.Equal(["[format('{0}', parameters('identityId'))]"], identity["userAssignedIdentities"]!.AsObject().Select(i => i.Key));
        Assert.Equal(IdentityId, (string?)Site["properties"]!["keyVaultReferenceIdentity"]);
        Assert.Matches(CompiledTemplate.ModuleOutputReference("identity", "id"), template.ModuleArgument("function-app", "identityId"));
    }

    [Fact]
    public void Site_DeploymentPackage_IsReadFromBlobStorageAsTheIdentity()
    {
        var storage = Site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.Equal("blobContainer", (string?)storage["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)storage["authentication"]!["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)storage["authentication"]!["userAssignedIdentityResourceId"]);
        Assert.Matches(CompiledTemplate.ModuleOutputReference("storage", "deploymentContainerUrl"), template.ModuleArgument("function-app", "deploymentContainerUrl"));
    }

    [Fact]
    public void Site_AzdServiceTag_NamesTheApiService()
    {
        Assert.Contains("createObject('azd-service-name', 'api')", (string?)Site["tags"], StringComparison.Ordinal);
        Assert.Contains("project: ./src/StrategyFlow.Functions", File.ReadAllText(Repository.PathOf("azure.yaml")), StringComparison.Ordinal);
    }
}
