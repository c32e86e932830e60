namespace StrategyFlow.Infra.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class BicepTests(CompiledTemplate template)
{
    [Fact]
    public void Build_MainBicep_CompilesWithoutDiagnostics()
    {
        Assert.Equal(0, template.Build.ExitCode);
        Assert.Equal("", template.Build.Output);
    }

    [Fact]
    public async Task Lint_MainBicep_ReportsNothing()
    {
        var lint = await BicepCli.RunAsync("lint", template.MainBicep);

        Assert.Equal("", lint.Output);
        Assert.Equal(0, lint.ExitCode);
    }

    [Fact]
    public async Task Lint_RuleRaisedToError_FailsOnAViolation()
    {
        // Proves bicepconfig.json is in force: a warning-level finding would pass lint silently.
        var folder = Directory.CreateTempSubdirectory("strategyflow-lint-").FullName;
        try
        {
            File.Copy(Repository.PathOf("infra", "bicepconfig.json"), Path.Combine(folder, "bicepconfig.json"));
            var file = Path.Combine(folder, "unused.bicep");
            await File.WriteAllTextAsync(file, "param unused string = 'x'\n");

            var lint = await BicepCli.RunAsync("lint", file);

            Assert.NotEqual(0, lint.ExitCode);
            Assert.Contains("Error no-unused-params", lint.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Outputs_AllNames_AreUpperSnakeCase()
    {
        var names = template.Root["outputs"]!.AsObject().Select(o => o.Key).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Matches("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$", name));
        Assert.Contains("AZURE_FUNCTION_APP_NAME", names);
        Assert.Contains("AZURE_KEY_VAULT_NAME", names);
        Assert.Contains("AZURE_RESOURCE_GROUP", names);
    }

    [Fact]
    public void ParametersFile_EveryRequiredParameter_IsSuppliedAndEveryEntryExists()
    {
        var declared = template.Root["parameters"]!.AsObject();
        var supplied = Json.ReadObject("infra", "main.parameters.json")["parameters"]!.AsObject();

        var required = declared.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key);
        Assert.All(required, name => Assert.True(supplied.ContainsKey(name), $"main.parameters.json does not supply '{name}'."));
        Assert.All(supplied, p => Assert.True(declared.ContainsKey(p.Key), $"main.parameters.json supplies unknown '{p.Key}'."));
    }

    [Fact]
    public void Resources_EveryLocatedOne_CarriesTheAzdEnvironmentTag()
    {
        Assert.Equal("[parameters('environmentName')]", (string?)template.Root["variables"]!["tags"]!["azd-env-name"]);
        var modules = template.Root["resources"]!.AsArray().Select(r => r!.AsObject())
            .Where(r => CompiledTemplate.Type(r) == "Microsoft.Resources/deployments").ToList();
        var located = template.AllResources().Where(r => r["location"] is not null).ToList();

        Assert.True(located.Count >= 8, $"Only {located.Count} resources have a location.");
        Assert.All(located, r => Assert.Matches(@"^\[variables\('tags'\)\]$|parameters\('tags'\)", (string?)r["tags"] ?? "(no tags)"));
        Assert.All(
            modules.Where(m => m["properties"]!["parameters"]!["tags"] is not null),
            m => Assert.Equal("[variables('tags')]", (string?)m["properties"]!["parameters"]!["tags"]!["value"]));
    }
}
