using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StrategyFlow.Infra.Tests;

/// <summary>
/// infra/main.bicep compiled once by the real Bicep CLI into a temporary folder, with helpers to
/// look into the ARM JSON it produced (each local module is a nested deployment).
/// </summary>
public sealed partial class CompiledTemplate : IAsyncLifetime
{
    private readonly string _outputDirectory = Directory.CreateTempSubdirectory("strategyflow-bicep-").FullName;

    public string MainBicep { get; } = Repository.PathOf("infra", "main.bicep");

    /// <summary>What <c>bicep build</c> printed (warnings land here).</summary>
    internal BicepCli.Result Build { get; private set; } = new(-1, "", "");

    /// <summary>The compiled template as text, for scans.</summary>
    public string Json { get; private set; } = "";

    public JsonObject Root { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Build = await BicepCli.RunAsync("build", MainBicep, "--outdir", _outputDirectory);
        var compiled = Path.Combine(_outputDirectory, "main.json");
        if (Build.ExitCode != 0 || !File.Exists(compiled))
        {
            throw new InvalidOperationException($"bicep build failed ({Build.ExitCode}):\n{Build.Output}");
        }

        Json = await File.ReadAllTextAsync(compiled);
        Root = JsonNode.Parse(Json)!.AsObject();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_outputDirectory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The nested deployment that a <c>module</c> of main.bicep compiled to.</summary>
    public JsonObject Module(string deploymentName) =>
        Resources(Root).SingleOrDefault(r => Type(r) == "Microsoft.Resources/deployments" && (string?)r["name"] == deploymentName)
        ?? throw new InvalidOperationException($"main.bicep has no module deployed as '{deploymentName}'.");

    public static JsonObject TemplateOf(JsonObject module) => module["properties"]!["template"]!.AsObject();

    /// <summary>The expression or value main.bicep passes to a module parameter.</summary>
    public string ModuleArgument(string deploymentName, string parameter) =>
        (string?)Module(deploymentName)["properties"]!["parameters"]![parameter]?["value"]
        ?? throw new InvalidOperationException($"Module '{deploymentName}' gets no string for '{parameter}'.");

    /// <summary>The resources of one type in a module's template.</summary>
    public IReadOnlyList<JsonObject> ResourcesOf(string deploymentName, string type) =>
        [.. Resources(TemplateOf(Module(deploymentName))).Where(r => Type(r) == type)];

    public JsonObject SingleResource(string deploymentName, string type) =>
        ResourcesOf(deploymentName, type) switch
        {
            [var only] => only,
            var all => throw new InvalidOperationException($"Module '{deploymentName}' has {all.Count} resources of type {type}."),
        };

    /// <summary>Every resource of the deployment, nested templates included.</summary>
    public IEnumerable<JsonObject> AllResources() => AllResources(Root);

    /// <summary>
    /// Resolves <c>[variables('x')]</c> against the template that holds the resource; other
    /// expressions and literals come back as they are.
    /// </summary>
    public static string ResolveVariable(JsonObject template, string value)
    {
        var match = VariableReference().Match(value);
        return match.Success ? (string)template["variables"]![match.Groups["name"].Value]! : value;
    }

    /// <summary>An expression that reads an output of another module of main.bicep.</summary>
    public static Regex ModuleOutputReference(string deploymentName, string output) =>
        new($@"'Microsoft\.Resources/deployments', '{Regex.Escape(deploymentName)}'\), '[^']+'\)\.outputs\.{Regex.Escape(output)}\.value\]$");

    public static string? Type(JsonObject resource) => (string?)resource["type"];

    private static IEnumerable<JsonObject> Resources(JsonObject template) =>
        template["resources"] is JsonArray array
            ? array.Select(r => r!.AsObject())
            : throw new InvalidOperationException("Expected the template's resources as an array.");

    private static IEnumerable<JsonObject> AllResources(JsonObject template)
    {
        foreach (var resource in Resources(template))
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in AllResources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    [GeneratedRegex(@"^\[variables\('(?<name>\w+)'\)\]$")]
    private static partial Regex VariableReference();
}

[CollectionDefinition(Name)]
public sealed class CompiledTemplateCollection : ICollectionFixture<CompiledTemplate>
{
    public const string Name = "compiled main.bicep";
}
