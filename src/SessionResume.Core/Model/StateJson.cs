using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SessionResume.Common;

namespace SessionResume.Model;

/// <summary>Reads and writes the state document. Output is deterministic: fixed key order, sorted maps, LF, indented.</summary>
public static class StateJson
{
    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        // People read and diff this file: keep non-ASCII text as it is (it is never embedded in HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new UtcTimeConverter() },
        // Source-generated metadata for the state: no reflection warm-up in every build and test run.
        TypeInfoResolver = StateJsonContext.Default,
    };

    public static string Serialize(SessionState state) =>
        JsonSerializer.Serialize(state, Options).Replace("\r\n", "\n") + "\n";

    public static string Serialize<T>(T value) => Serialize(value, Options);

    /// <summary>
    /// The state's options with another source-generated context: a later stage's own documents
    /// (the restore summary as JSON) look like the state without the model knowing their types.
    /// </summary>
    public static JsonSerializerOptions OptionsWith(IJsonTypeInfoResolver metadata) => new(Options) { TypeInfoResolver = metadata };

    /// <summary>A document other than the state, with options from <see cref="OptionsWith"/>.</summary>
    public static string Serialize<T>(T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(value, options).Replace("\r\n", "\n");

    /// <summary>Parses a state document; throws <see cref="InvalidStateException"/> saying what is wrong.</summary>
    public static SessionState Deserialize(string json) => Deserialize(System.Text.Encoding.UTF8.GetBytes(json));

    /// <summary>Parses the file's bytes, so invalid UTF-8 is reported instead of silently replaced.</summary>
    public static SessionState Deserialize(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        if (utf8.IsEmpty) throw new InvalidStateException("the file is empty");
        // The reader does not check the text of values it keeps as they are (unknown keys).
        if (!System.Text.Unicode.Utf8.IsValid(utf8)) throw new InvalidStateException(NotUtf8(utf8));
        var version = SchemaMigration.VersionOf(StateTextCheck.Scan(utf8));
        SessionState? state;
        try
        {
            state = JsonSerializer.Deserialize<SessionState>(utf8, Options);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } ? $" at {e.Path}" : "";
            throw new InvalidStateException(
                $"invalid JSON or wrong type{where} (line {(e.LineNumber ?? 0) + 1}): {Expected(FirstSentence(e.Message))}", e);
        }
        if (state is null) throw new InvalidStateException("the document is null, not an object");
        SchemaMigration.Upgrade(state, version);
        Normalize(state);
        return state;
    }

    /// <summary>Turns explicit nulls a person may have written into empty values, so no code meets a null list.</summary>
    static void Normalize(SessionState s)
    {
        s.Objectives ??= new();
        s.Objectives.Secondary = Clean(s.Objectives.Secondary);
        s.Progress ??= new();
        s.Progress.Completed = Clean(s.Progress.Completed);
        s.Progress.InProgress = Clean(s.Progress.InProgress);
        s.Progress.Blocked = Clean(s.Progress.Blocked);
        s.Files ??= new();
        s.Files.Created = Clean(s.Files.Created);
        s.Files.Modified = Clean(s.Files.Modified);
        s.Files.Deleted = Clean(s.Files.Deleted);
        s.Errors ??= new();
        s.Errors.Unresolved = (s.Errors.Unresolved ?? []).Where(e => e is not null).ToList();
        s.Errors.Resolved = (s.Errors.Resolved ?? []).Where(e => e is not null).ToList();
        foreach (var e in s.Errors.Unresolved) e.TargetFrameworks = Clean(e.TargetFrameworks);
        s.Tests ??= new();
        s.Tests.FailedPaths = Clean(s.Tests.FailedPaths);
        s.Todos = Clean(s.Todos);
        s.Context ??= new();
        s.Context.TechStack = Clean(s.Context.TechStack);
        s.Context.KeyDecisions = Clean(s.Context.KeyDecisions);
        s.NextPrompts = Clean(s.NextPrompts);
        s.Warnings ??= new();
        s.Warnings.Entries = (s.Warnings.Entries ?? []).Where(e => e is not null).ToList();
        foreach (var e in s.Warnings.Entries) e.TargetFrameworks = Clean(e.TargetFrameworks);
        s.Warnings.ByCode ??= new(StringComparer.Ordinal);
        s.Warnings.Counts ??= new(StringComparer.Ordinal);
        s.Build ??= new();
        // Read maps sort by the culture's rules; the file's order is ordinal.
        s.Build.Projects = new(s.Build.Projects?.Where(p => p.Value is not null).ToDictionary() ?? [], StringComparer.Ordinal);
        foreach (var project in s.Build.Projects.Values)
        {
            project.Outcome ??= BuildOutcome.Failed;
            project.Frameworks = new(project.Frameworks?.Where(f => f.Value is not null).ToDictionary() ?? [], StringComparer.Ordinal);
            foreach (var framework in project.Frameworks.Values) framework.Outcome ??= BuildOutcome.Failed;
        }
    }

    /// <summary>UTF-16 is what Windows PowerShell 5 writes with '>' or Out-File; say so, it is easy to fix.</summary>
    static string NotUtf8(ReadOnlySpan<byte> bytes) =>
        bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..]
            ? "the file is UTF-16 text, not UTF-8 (Windows PowerShell 5 writes UTF-16 with '>'; use Set-Content -Encoding utf8)"
            : "the file is not valid UTF-8 text";

    /// <summary>
    /// The serializer names .NET types ("could not be converted to System.Int32"); a person editing JSON
    /// wants JSON's words.
    /// </summary>
    static string Expected(string message)
    {
        const string prefix = "The JSON value could not be converted to ";
        if (!message.StartsWith(prefix, StringComparison.Ordinal)) return message;
        var type = message[prefix.Length..].TrimEnd('.');
        return $"the value is not {Kind(type)}.";

        static string Kind(string type) => type switch
        {
            "System.Int32" => "a whole number (at most 2147483647)",
            "System.Int64" => "a whole number",
            "System.Boolean" => "true or false",
            "System.String" => "a string",
            "System.DateTime" or "System.Nullable`1[System.DateTime]" => "a time (an ISO 8601 string)",
            _ when type.StartsWith("System.Collections.Generic.List`1[", StringComparison.Ordinal) =>
                type.EndsWith("[System.String]", StringComparison.Ordinal) ? "an array of strings"
                : type.EndsWith("[System.Int32]", StringComparison.Ordinal) ? "an array of whole numbers"
                : "an array of objects",
            _ => "an object",
        };
    }

    static List<string> Clean(List<string>? list) => list?.Where(x => x is not null).ToList() ?? [];

    static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}

/// <summary>
/// Times are written as UTC ISO 8601 to the second ("2026-11-24T20:00:00Z"); any ISO 8601 is read.
/// Shared by every reader of the state.
/// </summary>
internal sealed class UtcTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            throw new JsonException($"'{text}' is not an ISO 8601 time");
        return value.UtcDateTime;
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Time.Format(value));
}

public sealed class InvalidStateException(string message, Exception? inner = null) : Exception(message, inner);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true,
    ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(SessionState))]
[JsonSerializable(typeof(List<ErrorEntry>))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
