using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StrategyFlow.Infra.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed partial class RoleAssignmentTests(CompiledTemplate template)
{
    private const string AppPrincipal = "[parameters('appPrincipalId')]";
    private const string RoleAssignmentType = "Microsoft.Authorization/roleAssignments";

    /// <summary>What the app's identity needs, by built-in role definition id, and on which resource type.</summary>
    public static TheoryData<string, string, string> AppRoles => new()
    {
        { "Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts" },
        { "Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts" },
        { "Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts" },
        { "Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults" },
        { "Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components" },
    };

    private JsonObject RolesTemplate => CompiledTemplate.TemplateOf(template.Module("roles"));

    [Theory]
    [MemberData(nameof(AppRoles))]
    public void AppIdentity_NeededRole_IsAssignedUnconditionallyOnTheRightResource(string role, string roleId, string scopeType)
    {
        var assignment = template.ResourcesOf("roles", RoleAssignmentType)
            .Where(a => (string?)a["properties"]!["principalId"] == AppPrincipal)
            .SingleOrDefault(a => RoleDefinitionId(a) == roleId);

        Assert.True(assignment is not null, $"{role} is not assigned to the app's identity.");
        Assert.Null(assignment["condition"]);
        Assert.Equal("ServicePrincipal", (string?)assignment["properties"]!["principalType"]);
        Assert.StartsWith($"[resourceId('{scopeType}', ", (string?)assignment["scope"], StringComparison.Ordinal);
    }

    [Fact]
    public void AppPrincipal_IsThePrincipalOfTheOneUserAssignedIdentity()
    {
        var identities = template.AllResources().Count(r => CompiledTemplate.Type(r) == "Microsoft.ManagedIdentity/userAssignedIdentities");

        Assert.Equal(1, identities);
        Assert.Matches(CompiledTemplate.ModuleOutputReference("identity", "principalId"), template.ModuleArgument("roles", "appPrincipalId"));
    }

    [Fact]
    public void Deployer_Roles_AreAssignedOnlyWhenAPrincipalIsGiven()
    {
        var deployer = template.ResourcesOf("roles", RoleAssignmentType)
            .Where(a => (string?)a["properties"]!["principalId"] == "[parameters('deployerPrincipalId')]")
            .ToList();

        Assert.Equal(4, deployer.Count);
        Assert.All(deployer, a => Assert.Equal("[variables('hasDeployer')]", (string?)a["condition"]));
        Assert.Contains(deployer, a => RoleDefinitionId(a) == "b86a8fe4-44ce-4948-aee5-eccb2c155cd7"); // Key Vault Secrets Officer
        Assert.Equal("[parameters('principalId')]", template.ModuleArgument("roles", "deployerPrincipalId"));
    }

    [Fact]
    public void RoleAssignments_AllOfThem_AreInTheRolesModule()
    {
        var everywhere = template.AllResources().Count(r => CompiledTemplate.Type(r) == RoleAssignmentType);

        Assert.Equal(template.ResourcesOf("roles", RoleAssignmentType).Count, everywhere);
    }

    [Fact]
    public void RoleAssignments_Names_AreGuidOfScopePrincipalAndRole()
    {
        var assignments = template.ResourcesOf("roles", RoleAssignmentType);

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a =>
        {
            var name = GuidName().Match((string)a["name"]!);
            Assert.True(name.Success, $"Role assignment name {a["name"]} is not guid(scope, principal, role).");
            Assert.Equal($"[{name.Groups["scope"].Value}]", (string?)a["scope"]);
            Assert.Equal($"[{name.Groups["principal"].Value}]", (string?)a["properties"]!["principalId"]);
            Assert.Equal($"[{name.Groups["role"].Value}]", (string?)a["properties"]!["roleDefinitionId"]);
        });
        Assert.Equal(assignments.Count, assignments.Select(a => (string)a["name"]!).Distinct().Count());
    }

    private string? RoleDefinitionId(JsonObject assignment)
    {
        var expression = CompiledTemplate.ResolveVariable(RolesTemplate, (string)assignment["properties"]!["roleDefinitionId"]!);
        var match = RoleDefinition().Match(expression);
        return match.Success ? match.Groups["id"].Value : null;
    }

    [GeneratedRegex(@"^\[guid\((?<scope>resourceId\('[^']+', parameters\('\w+'\)\)), (?<principal>parameters\('\w+'\)), (?<role>variables\('\w+'\))\)\]$")]
    private static partial Regex GuidName();

    [GeneratedRegex(@"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', '(?<id>[0-9a-f-]{36})'\)\]$")]
    private static partial Regex RoleDefinition();
}
