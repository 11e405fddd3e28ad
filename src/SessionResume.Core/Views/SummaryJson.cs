using System.Text.Json;
using System.Text.Json.Serialization;
using SessionResume.Model;

namespace SessionResume.Views;

/// <summary>SessionRestore's JSON: the summary written as the state file is written (snake_case keys, UTC times).</summary>
internal static class SummaryJson
{
    public static readonly JsonSerializerOptions Options = StateJson.OptionsWith(SummaryJsonContext.Default);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(SessionSummary))]
internal sealed partial class SummaryJsonContext : JsonSerializerContext;
