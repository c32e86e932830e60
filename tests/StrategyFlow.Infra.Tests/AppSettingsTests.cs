using System.Text.Json.Nodes;

namespace StrategyFlow.Infra.Tests;

/// <summary>The function app's settings against infra/app-settings.required.json, the contract with the app.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class AppSettingsTests(CompiledTemplate template)
{
    private static readonly JsonObject Contract = Json.ReadObject("infra", "app-settings.required.json");

    private JsonObject Settings =>
        template.SingleResource("function-app", "Microsoft.Web/sites/config")["properties"]!.AsObject();

    private static IEnumerable<string> Names(string list) => Contract[list]!.AsArray().Select(n => (string)n!);

    [Fact]
    public void AppSettings_ConfigResource_IsTheAppSettingsOfTheFunctionApp()
    {
        var config = template.SingleResource("function-app", "Microsoft.Web/sites/config");

        Assert.Equal("[format('{0}/{1}', parameters('appName'), 'appsettings')]", (string?)config["name"]);
    }

    [Fact]
    public void AppSettings_EveryRequiredSetting_IsSetToAValue()
    {
        Assert.NotEmpty(Names("required"));
        Assert.All(Names("required"), name =>
        {
            Assert.True(Settings.ContainsKey(name), $"The function app does not set required '{name}'.");
            Assert.False(string.IsNullOrWhiteSpace((string?)Settings[name]), $"'{name}' is empty.");
        });
    }

    [Fact]
    public void AppSettings_SetNames_AreExactlyTheContract()
    {
        var contract = Names("required").Concat(Names("optional")).Order(StringComparer.Ordinal);

        Assert.Equal(contract, Settings.Select(s => s.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AppSettings_Secrets_AreKeyVaultReferencesToTheNamedSecrets()
    {
        var secrets = Contract["keyVaultSecrets"]!.AsObject();

        Assert.Contains("StrategyFlow__Mail__ApiKey", secrets.Select(s => s.Key));
        Assert.Contains("StrategyFlow__Links__SigningKey", secrets.Select(s => s.Key));
        Assert.All(secrets, secret =>
        {
            var value = (string?)Settings[secret.Key] ?? "";
            Assert.Contains(
                $"'@Microsoft.KeyVault(SecretUri={{0}}secrets/{(string)secret.Value!})', parameters('keyVaultUri'))",
                value,
                StringComparison.Ordinal);
        });
        Assert.Matches(CompiledTemplate.ModuleOutputReference("key-vault", "uri"), template.ModuleArgument("function-app", "keyVaultUri"));
    }

    [Fact]
    public void AppSettings_StorageAndTelemetry_UseTheUserAssignedIdentity()
    {
        const string ClientId = "[parameters('identityClientId')]";

        Assert.Equal("managedidentity", (string?)Settings["AzureWebJobsStorage__credential"]);
        Assert.Equal(ClientId, (string?)Settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal(ClientId, (string?)Settings["AZURE_CLIENT_ID"]);
        Assert.Equal("[format('Authorization=AAD;ClientId={0}', parameters('identityClientId'))]", (string?)Settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Matches(CompiledTemplate.ModuleOutputReference("identity", "clientId"), template.ModuleArgument("function-app", "identityClientId"));
    }

    [Fact]
    public void AppSettings_StorageUris_ComeFromTheStorageAccount()
    {
        Assert.Equal("[parameters('storageBlobEndpoint')]", (string?)Settings["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Equal("[parameters('storageQueueEndpoint')]", (string?)Settings["AzureWebJobsStorage__queueServiceUri"]);
        Assert.Equal("[parameters('storageTableEndpoint')]", (string?)Settings["AzureWebJobsStorage__tableServiceUri"]);
        Assert.Equal("[parameters('storageBlobEndpoint')]", (string?)Settings["StrategyFlow__Storage__BlobServiceUri"]);
        Assert.Matches(CompiledTemplate.ModuleOutputReference("storage", "blobEndpoint"), template.ModuleArgument("function-app", "storageBlobEndpoint"));
        Assert.Matches(CompiledTemplate.ModuleOutputReference("storage", "queueEndpoint"), template.ModuleArgument("function-app", "storageQueueEndpoint"));
        Assert.Matches(CompiledTemplate.ModuleOutputReference("storage", "tableEndpoint"), template.ModuleArgument("function-app", "storageTableEndpoint"));
    }

    [Fact]
    public void AppSettings_PublicBaseUrl_DefaultsToTheAppsHttpsHostName()
    {
        var value = (string?)Settings["StrategyFlow__PublicBaseUrl"] ?? "";

        Assert.Contains("format('https://{0}', reference(resourceId('Microsoft.Web/sites', parameters('appName'))", value, StringComparison.Ordinal);
        Assert.Contains(".defaultHostName)", value, StringComparison.Ordinal);
    }
}
