using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SessionResume.Common;
using SessionResume.Model;

namespace SessionResume.Lifecycle;

/// <summary>
/// Reads only errors.resolved (and schema_version) of a state document. The serializer still walks
/// the whole document, so malformed JSON anywhere is noticed, but it skips every other value without
/// building objects for it: reading the resolutions of a full history stays cheap.
/// </summary>
internal static class ResolutionsJson
{
    /// <summary>The resolved errors in the document's order; throws <see cref="InvalidStateException"/> saying what is wrong.</summary>
    public static List<ResolvedError> Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        if (utf8.IsEmpty) throw new InvalidStateException("the file is empty");
        // Strings the serializer skips are not decoded, so bad UTF-8 there would go unnoticed (as in StateJson).
        if (!System.Text.Unicode.Utf8.IsValid(utf8)) throw new InvalidStateException("the file is not valid UTF-8 text");
        ResolutionsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8, ResolutionsJsonContext.Default.ResolutionsDocument);
        }
        catch (JsonException e)
        {
            // The same wording as StateJson's, so one damaged archive reads the same in every warning.
            var where = e.Path is { Length: > 0 } ? $" at {e.Path}" : "";
            throw new InvalidStateException(
                $"invalid JSON or wrong type{where} (line {(e.LineNumber ?? 0) + 1}): {FirstSentence(e.Message)}", e);
        }
        if (document is null) throw new InvalidStateException("the document is null, not an object");
        if (document.SchemaVersion > SessionState.CurrentSchemaVersion)
            throw new InvalidStateException($"schema_version {document.SchemaVersion}" +
                $" is newer than this package understands ({SessionState.CurrentSchemaVersion}); update SessionResume.Build");
        return document.Errors?.Resolved?.OfType<ResolvedError>().ToList() ?? [];
    }

    static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}

internal sealed class ResolutionsDocument
{
    public int SchemaVersion { get; set; }
    public ResolutionsSection? Errors { get; set; }
}

internal sealed class ResolutionsSection
{
    public List<ResolvedError?>? Resolved { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, Converters = [typeof(UtcTimeConverter)])]
[JsonSerializable(typeof(ResolutionsDocument))]
internal sealed partial class ResolutionsJsonContext : JsonSerializerContext;
