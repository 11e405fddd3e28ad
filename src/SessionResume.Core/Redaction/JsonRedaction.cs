using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SessionResume.Redaction;

/// <summary>
/// Redacts the string values inside a JSON value that a person or an agent added under a key the
/// package does not know. Such a value is kept verbatim otherwise, so it is rebuilt only when one
/// of its strings actually changes. Property names are left alone: they name things, and
/// redacting two of them to the same marker would make duplicate keys.
/// </summary>
internal static class JsonRedaction
{
    // The same relaxed escaping as the state file, so a rebuilt value reads like the rest of it.
    static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool TryRedact(JsonElement element, out JsonElement redacted)
    {
        redacted = element;
        if (!HasSecret(element)) return false;
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) Write(writer, element);
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        // Clone: the element must outlive the document it was parsed into.
        redacted = document.RootElement.Clone();
        return true;
    }

    /// <summary>Redacts each value of the dictionary in place; untouched values stay the same elements.</summary>
    public static void Apply(Dictionary<string, JsonElement>? extra)
    {
        if (extra is null || extra.Count == 0) return;
        List<KeyValuePair<string, JsonElement>>? changed = null;
        foreach (var (key, value) in extra)
            if (TryRedact(value, out var redacted)) (changed ??= []).Add(new(key, redacted));
        if (changed is null) return;
        // Changing values while enumerating is not allowed: collect, then assign.
        foreach (var (key, value) in changed) extra[key] = value;
    }

    static bool HasSecret(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => SecretRedactor.ContainsSecret(element.GetString()),
        JsonValueKind.Object => element.EnumerateObject().Any(p => HasSecret(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(HasSecret),
        _ => false,
    };

    static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                writer.WriteStringValue(SecretRedactor.Redact(element.GetString()));
                break;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
