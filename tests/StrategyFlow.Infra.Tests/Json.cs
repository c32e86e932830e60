using System.Text.Json.Nodes;

namespace StrategyFlow.Infra.Tests;

internal static class Json
{
    public static JsonObject ReadObject(params string[] pathInRepository) =>
        JsonNode.Parse(File.ReadAllText(Repository.PathOf(pathInRepository)))!.AsObject();
}
