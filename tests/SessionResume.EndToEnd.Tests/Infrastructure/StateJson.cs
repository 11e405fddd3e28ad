using System.Text.Json.Nodes;

namespace SessionResume.Tests.Infrastructure;

/// <summary>Small readers over the contract's `.session-state.json` layout.</summary>
public static class StateJson
{
    public static IReadOnlyList<JsonObject> Unresolved(JsonObject state) => Entries(state, "unresolved");

    public static IReadOnlyList<JsonObject> Resolved(JsonObject state) => Entries(state, "resolved");

    static List<JsonObject> Entries(JsonObject state, string list) =>
        state["errors"]?[list] is JsonArray array ? array.OfType<JsonObject>().ToList() : [];

    /// <summary>The string value of a key, or null when it is missing or not a string.</summary>
    public static string? Str(JsonNode? node, string key) =>
        node?[key] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The integer value of a key, or null when it is missing or not an integer.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Reads a JSON integer, beside Str and Bool.")]
    public static long? Int(JsonNode? node, string key) =>
        node?[key] is JsonValue value && value.TryGetValue<long>(out var n) ? n : null;

    public static IReadOnlyList<string> Strings(JsonNode? node, string key) =>
        node?[key] is JsonArray array
            ? array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s : item?.ToJsonString() ?? "null").ToList()
            : [];

    public static string Show(JsonNode? node) =>
        node?.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) ?? "null";
}

/// <summary>Readers over what a command printed.</summary>
public static class Printed
{
    public static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    public static IReadOnlyList<string> Lines(string text) =>
        text.Replace("\r\n", "\n").Split('\n');

    /// <summary>
    /// The JSON document in a command's output: from the first '{' to the last '}' (MSBuild's console
    /// logger indents each line of a message, which JSON does not mind). Null if there is none or
    /// it does not parse.
    /// </summary>
    public static JsonNode? ExtractJson(string output, out string? error)
    {
        error = null;
        var start = output.IndexOf('{');
        var end = output.LastIndexOf('}');
        if (start < 0 || end < start)
        {
            error = "no '{' ... '}' in the output";
            return null;
        }
        try
        {
            return JsonNode.Parse(output[start..(end + 1)]);
        }
        catch (System.Text.Json.JsonException e)
        {
            error = e.Message;
            return null;
        }
    }
}

/// <summary>Readers over the state's `tests` section.</summary>
public static class TestsJson
{
    public static JsonObject Section(JsonObject state) => state["tests"] as JsonObject ?? new JsonObject();

    public static IReadOnlyList<JsonObject> Failures(JsonObject state) =>
        Section(state)["failures"] is JsonArray array ? array.OfType<JsonObject>().ToList() : [];

    public static IReadOnlyList<JsonObject> Fixed(JsonObject state) =>
        Section(state)["fixed"] is JsonArray array ? array.OfType<JsonObject>().ToList() : [];

    public static IReadOnlyList<string> FailedPaths(JsonObject state) => StateJson.Strings(Section(state), "failed_paths");

    public static long? Count(JsonObject state, string key) => StateJson.Int(Section(state), key);

    /// <summary>runs[PROJECT][TFM], or null.</summary>
    public static JsonObject? Run(JsonObject state, string project, string targetFramework) =>
        Section(state)["runs"]?[project]?[targetFramework] as JsonObject;

    /// <summary>runs[PROJECT] as framework → run.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Runs(JsonObject state, string project) =>
        Section(state)["runs"]?[project] is JsonObject byFramework
            ? byFramework.Where(kv => kv.Value is JsonObject).ToDictionary(kv => kv.Key, kv => (JsonObject)kv.Value!)
            : new Dictionary<string, JsonObject>();

    public static bool? Bool(JsonNode? node, string key) =>
        node?[key] is JsonValue value && value.TryGetValue<bool>(out var b) ? b : null;

    /// <summary>The failures whose name (fully qualified, without arguments) is NAME.</summary>
    public static IReadOnlyList<JsonObject> FailuresOf(JsonObject state, string name) =>
        Failures(state).Where(f => StateJson.Str(f, "name") == name).ToList();
}
