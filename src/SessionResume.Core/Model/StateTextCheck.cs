using System.Text.Json;
using SessionResume.Common;
using SessionResume.Store;

namespace SessionResume.Model;

/// <summary>What <see cref="StateTextCheck.Scan"/> found out about the top-level schema_version.</summary>
internal readonly record struct SchemaVersionFound(bool Present, long? Value);

/// <summary>
/// One pass over the state's text before it is deserialized, for what the serializer lets through
/// or reports poorly:
/// <list type="bullet">
/// <item>a document that is not a JSON object (an array, a string, a number, null);</item>
/// <item>a key given twice in one object: the serializer keeps the last one silently, so the next
/// write would drop the other (System.Text.Json 8 has no option to refuse duplicates);</item>
/// <item>an escaped lone UTF-16 surrogate ("\uD800"): kept in an unknown key, it would only fail
/// when the state is written back, on every build.</item>
/// </list>
/// It also finds the top-level schema_version, so that a newer file is reported as newer before its
/// content can fail as wrong types. Syntax errors and too deep nesting are left to the serializer,
/// which reports them with their path.
/// </summary>
internal static class StateTextCheck
{
    /// <summary>The reader options the serializer uses for the state (see StateJson's options).</summary>
    public static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    const string SchemaVersionKey = "schema_version";
    const string NoJson = "the file holds no JSON (only whitespace or comments)";

    sealed class Container(bool isObject)
    {
        public bool IsObject { get; } = isObject;
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
        public string? Key { get; set; }
        public int Index { get; set; } = -1;
    }

    /// <summary>Throws <see cref="InvalidStateException"/> for the problems above; valid UTF-8 is assumed.</summary>
    public static SchemaVersionFound Scan(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        var stack = new List<Container>();
        var version = new SchemaVersionFound(false, null);
        var versionNext = false;
        try
        {
            if (!reader.Read()) throw new InvalidStateException(NoJson);
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new InvalidStateException($"the document is {Describe(reader.TokenType)}, not a JSON object");
            do
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (versionNext) version = new(true, null);
                        versionNext = false;
                        NextValue(stack);
                        stack.Add(new Container(reader.TokenType == JsonTokenType.StartObject));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = Text(ref reader, stack, "key");
                        var owner = stack[^1];
                        if (!owner.Keys.Add(name))
                            throw new InvalidStateException(
                                $"the key \"{name}\" appears twice in the same object ({PathOf(stack, includeKey: false)}" +
                                $", line {Line(utf8, reader.TokenStartIndex)}); " +
                                "only one of them would be kept");
                        owner.Key = name;
                        versionNext = stack.Count == 1 && name == SchemaVersionKey;
                        break;
                    default:
                        NextValue(stack);
                        if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped) Text(ref reader, stack, "text");
                        if (versionNext)
                            version = new(true, reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var v) ? v : null);
                        versionNext = false;
                        break;
                }
            }
            while (reader.Read());
        }
        catch (JsonException) when (reader.TokenType == JsonTokenType.None && OnlyWhitespaceAndComments(utf8))
        {
            throw new InvalidStateException(NoJson);
        }
        catch (JsonException)
        {
            // Invalid JSON: the serializer says where and what, with the path.
        }
        return version;
    }

    static bool OnlyWhitespaceAndComments(ReadOnlySpan<byte> text)
    {
        while (!text.IsEmpty)
        {
            if (text[0] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') text = text[1..];
            else if (text.StartsWith("//"u8)) text = text.IndexOf((byte)'\n') is var end and >= 0 ? text[(end + 1)..] : [];
            else if (text.StartsWith("/*"u8) && text[2..].IndexOf("*/"u8) is var close and >= 0) text = text[(close + 4)..];
            else return false;
        }
        return true;
    }

    static void NextValue(List<Container> stack)
    {
        if (stack.Count > 0 && !stack[^1].IsObject) stack[^1].Index++;
    }

    /// <summary>The string's text; an escape that is not valid UTF-16 (a lone surrogate) is reported with its path.</summary>
    static string Text(ref Utf8JsonReader reader, List<Container> stack, string what)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new InvalidStateException(
                $"the {what} at {PathOf(stack, includeKey: what == "text")}" +
                $" has an invalid \\u escape (a lone UTF-16 surrogate such as \\uD800)");
        }
    }

    static string PathOf(List<Container> stack, bool includeKey)
    {
        var path = new System.Text.StringBuilder("$");
        for (var i = 0; i < stack.Count; i++)
        {
            var last = i == stack.Count - 1;
            var container = stack[i];
            if (container.IsObject && container.Key is { } key && (!last || includeKey)) path.Append('.').Append(key);
            else if (!container.IsObject && container.Index >= 0) path.Append('[').Append(container.Index).Append(']');
        }
        return path.ToString();
    }

    static long Line(ReadOnlySpan<byte> utf8, long offset) => utf8[..(int)offset].Count((byte)'\n') + 1;

    static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
